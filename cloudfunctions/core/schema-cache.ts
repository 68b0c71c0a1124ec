/**
 * The form schemas depend on the day (age and date rules count from `today`), and building one
 * costs more than running it: zod's set-up of the person schema was ~0.4 ms of every 秒办 call,
 * a third of its CPU time (`npm run bench`, profiled with node --cpu-prof). A built schema is
 * immutable and parsing is re-entrant, so each handler keeps the schema of the current Beijing
 * date and builds a new one when the date changes (or the clock port is set back, in tests).
 */
import type { SchemaContext } from '@shared/person.schema';

export function schemaPerDay<S>(make: (ctx: SchemaContext) => S): (today: string) => S {
  let day: string | null = null;
  let schema: S | undefined;
  return (today) => {
    if (today !== day || schema === undefined) {
      schema = make({ today }); // throws on a bad date before `day` changes
      day = today;
    }
    return schema;
  };
}
