/** One 失业保险金 claim handed to the unemployment-insurance system (人社厅发〔2020〕79号 一(五) 一件事). */
export interface InsuranceClaim {
  /** the 失业登记's applicationId: the same claim sent twice is one claim there */
  claimId: string;
  name: string;
  idType: string;
  idNumber: string;
  phone?: string;
  /** county code of the registration */
  region: string;
  /** Beijing date the 失业登记 was approved */
  registeredOn: string;
}

/**
 * The unemployment-insurance system (失业保险经办机构): receives the claim. `retry: true` — down, slow,
 * 5xx: send again later; `retry: false` — refused as malformed: staff look at it.
 */
export interface InsuranceClaimPort {
  submit(claim: InsuranceClaim): Promise<{ ok: true; reference: string } | { ok: false; retry: boolean; reason: string }>;
}
