/** Who is calling, as the edge established it (the CloudBase context or the gateway's header), and staff as the directory knows them. */
import type { Role } from '@shared/api';

export interface StaffMember {
  openid: string;
  name: string;
  /** 行政区划代码 prefix: "2102" covers every district of 大连 (docs/api.md) */
  region: string;
  role: Role;
}

/** Who is calling. In production from the CloudBase context, locally from `X-Dev-Openid`; never from the body. */
export interface Caller {
  openid: string | null;
  staff: StaffMember | null;
  /**
   * The network address the edge saw (the gateway's socket peer, CloudBase's CLIENTIP), where it knows
   * one: public actions count callers by it (viewSharedCertificate.handler.ts). Never logged or stored in clear.
   */
  address?: string | null;
}
