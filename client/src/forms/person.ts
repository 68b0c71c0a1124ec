/**
 * The person block every form starts with, as the citizen sees it: its values, the changes the form helps
 * with, and the person part of what is sent — all in the shared form definitions (shared/person.form.ts).
 */
export * from '@shared/person.form'
