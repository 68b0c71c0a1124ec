import { CHECK_LABELS, type CheckName } from '@shared/check-labels'
import { plainCheck } from './plainWords'

describe('the citizen reads each check in plain words, headed as the cloud and staff head it (issue 12 item 11)', () => {
  it('puts the heading of shared/check-labels.ts under every passed check, one wording everywhere', () => {
    for (const name of Object.keys(CHECK_LABELS) as CheckName[]) {
      const line = plainCheck({ name, passed: true, detail: `${CHECK_LABELS[name]}：一致` })
      expect(line.official).toBe(CHECK_LABELS[name])
      expect(line.main).not.toBe('')
    }
  })

  it('says in plain words what a source that did not answer means, with the detail staff read', () => {
    const line = plainCheck({ name: 'pension', passed: false, detail: '养老保险待遇：数据暂不可比对，已转人工审核' })
    expect(line.main).toBe('这项信息暂时查不到，由工作人员人工核对')
    expect(line.official).toBe('养老保险待遇：数据暂不可比对，已转人工审核')
  })
})
