import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, expect, test } from 'vitest'
import OutboxItemList from '../../src/components/outbox/OutboxItemList.vue'
import { i18n } from '../../src/modules/i18n.ts'
import type { OutboxItem } from '../../src/outbox/types.ts'

afterEach(() => {
  document.body.innerHTML = ''
})

const base = {
  state: 'sent' as const,
  createdAt: '2026-11-25T02:00:00.000Z',
  attempts: 1,
  nextAttemptAt: 0,
  claimedAt: null,
  sentAt: '2026-11-25T02:00:01.000Z',
  error: null,
}

test('a sent write shows the number to quote, and one without a number just 已提交', () => {
  setActivePinia(createPinia())
  const items = [
    { ...base, id: 'a', kind: 'inaccuracy-report', summary: '信息纠错 · 昆都仑区市民大厅', body: {}, response: { reference: 'JC20261125-0001' } },
    { ...base, id: 'b', kind: 'hall-rating', summary: '评价 · 昆都仑区市民大厅', body: {}, response: {} },
  ] as unknown as OutboxItem[]
  const wrapper = mount(OutboxItemList, { props: { items }, global: { plugins: [i18n] } })
  const states = wrapper.findAll('.outbox-item-list__state').map((state) => state.text())
  expect(states).toEqual(['已提交，编号 JC20261125-0001', '已提交'])
})
