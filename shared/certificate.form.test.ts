import { CERTIFICATE_FORM, certificateInput, returnedValues, type CertificateAnswers } from './certificate.form';
import { certificateShape, makeApplyCertificateSchema } from './certificate.schema';
import { personValuesFrom } from './person.form';
import { validate } from './validate';
import { TODAY, validPersonInput } from '../test/support/shared-fixtures';

const schema = makeApplyCertificateSchema({ today: TODAY });

function fill(): CertificateAnswers {
  return { requestId: 'req-cert-form-1', values: personValuesFrom(validPersonInput()), sameAsHukou: false, touched: [], accepted: true };
}

describe('the 申领《就业创业证》 form definition', () => {
  it('sends what the schema accepts for a complete fill', () => {
    const r = validate(schema, certificateInput(fill()));
    expect(r.ok ? {} : r.fields).toEqual({});
  });

  it('labels every field the page asks, so each error in the summary names its field', () => {
    // 补发 (reissue) has its own page; the two optional person fields only the registration forms show
    const asked = Object.keys(certificateShape({ today: TODAY })).filter((k) => !['reissue', 'otherContact', 'qualifications'].includes(k));
    for (const key of asked) expect([key, CERTIFICATE_FORM.labels[key]]).toEqual([key, expect.any(String)]);
  });

  it('sends the residence as the hukou address when the switch is on, and no commitment until it is ticked', () => {
    const input = certificateInput({ ...fill(), sameAsHukou: true, accepted: false });
    expect(input.residenceAddress).toEqual(input.hukouAddress);
    const r = validate(schema, input);
    expect(r.ok ? {} : r.fields).toEqual({ commitment: '请阅读并勾选承诺' });
  });

  it('退回补正: holds the returned answers with the switch on where the two addresses were the same', () => {
    const returned = certificateInput({ ...fill(), sameAsHukou: true });
    const { values, sameAsHukou } = returnedValues(returned);
    expect(values.name).toBe(validPersonInput().name);
    expect(sameAsHukou).toBe(true);
    expect(returnedValues(certificateInput(fill())).sameAsHukou).toBe(false);
  });
});
