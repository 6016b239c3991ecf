import axe from 'axe-core'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, nextTick, reactive, ref } from 'vue'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApplicantPrefill, ApplicationFieldError, ApplicationForm, ApplicationValues } from '../../contract/application-form.ts'
import ApplicationFormFields from '../../src/components/application/ApplicationFormFields.vue'
import { i18n } from '../../src/modules/i18n.ts'
import { makeApplicationForm, TODAY, VALID_CHILD_ID, VALID_ID, validValues } from '../unit/contract/application-form-factory.ts'

afterEach(() => {
  document.body.innerHTML = ''
})

const profile: ApplicantPrefill = { name: '王芳', idNumber: VALID_ID, phone: '13812345678', address: '内蒙古自治区包头市昆都仑区钢铁大街1号', company: null }

interface Options {
  form?: ApplicationForm
  values?: ApplicationValues
  answers?: Record<string, string>
  profile?: ApplicantPrefill | null
  errors?: ApplicationFieldError[]
}

interface Exposed {
  validate: () => ApplicationFieldError[]
  focusSummary: () => Promise<void>
  focusField: (fieldKey: string) => void
}

/** Mounts the renderer inside a host holding its two v-models, as a page would. */
function render(options: Options = {}) {
  const state = reactive({
    form: options.form ?? makeApplicationForm(),
    answers: options.answers ?? { applicant: 'self', employment: 'unemployed' },
    profile: options.profile ?? null,
    values: options.values ?? {},
    errors: options.errors ?? [],
  })
  const fields = ref<Exposed | null>(null)
  const Host = defineComponent({
    setup: () => () =>
      h(ApplicationFormFields, {
        ref: fields,
        form: state.form,
        situationAnswers: state.answers,
        profile: state.profile,
        today: TODAY,
        modelValue: state.values,
        'onUpdate:modelValue': (values: ApplicationValues) => (state.values = values),
        errors: state.errors,
        'onUpdate:errors': (errors: ApplicationFieldError[]) => (state.errors = errors),
      }),
  })
  const wrapper = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
  return { wrapper, state, exposed: () => fields.value! }
}

type Rendered = ReturnType<typeof render>
const control = (id: string) => document.getElementById(id) as HTMLInputElement

async function type({ wrapper }: Rendered, id: string, text: string): Promise<void> {
  await wrapper.get(`#${id}`).setValue(text)
}

describe('rendering the form from its schema', () => {
  it('shows the groups and fields the situation asks for, in order', () => {
    const { wrapper } = render()
    expect(wrapper.findAll('h2').map((heading) => heading.text())).toEqual(['申请人基本情况', '共同生活家庭成员'])
    expect(wrapper.find('#application-agentName').exists()).toBe(false)
    expect(wrapper.find('#application-employerCode').exists()).toBe(false)
    expect(wrapper.get('#application-familySize').attributes('inputmode')).toBe('numeric')
    expect(wrapper.get('[data-testid="field-application-familySize"]').text()).toContain('人')
    expect(wrapper.get('#application-reason').element.tagName).toBe('TEXTAREA')
  })

  it('shows an agent’s group and a conditional field when the answers call for them', async () => {
    const { wrapper, state } = render({ answers: { applicant: 'agent', employment: 'employed' } })
    expect(wrapper.findAll('h2').map((heading) => heading.text())).toEqual(['申请人基本情况', '代办人', '共同生活家庭成员'])
    expect(wrapper.find('#application-employerCode').exists()).toBe(true)
    state.answers = { applicant: 'self', employment: 'employed' }
    await nextTick()
    expect(wrapper.find('#application-agentName').exists()).toBe(false)
  })

  it('labels every control, ties help and unit to it, and passes axe', async () => {
    const { wrapper } = render()
    for (const input of wrapper.findAll('input, textarea')) {
      const element = input.element as HTMLInputElement
      const labelled = element.labels !== null && element.labels.length > 0
      expect(labelled, element.id).toBe(true)
    }
    const idNumber = control('application-idNumber')
    expect(idNumber.getAttribute('aria-required')).toBe('true')
    expect(document.getElementById(idNumber.getAttribute('aria-describedby')!)?.textContent).toBe('与户口簿一致')
    expect(control('application-familySize').getAttribute('aria-describedby')).toBe('application-familySize-unit')
    expect(wrapper.get('#application-health legend').text()).toContain('健康状况')
    const results = await axe.run(wrapper.element as HTMLElement, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] }, rules: { 'color-contrast': { enabled: false } } })
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
  })
})

describe('prefill from the profile', () => {
  it('fills the empty fields it may, says so, and leaves what was typed', async () => {
    const view = render({ profile, values: { phone: '13900000000' } })
    const { wrapper, state } = view
    await flushPromises()
    expect(state.values).toMatchObject({ name: '王芳', idNumber: VALID_ID, phone: '13900000000', address: profile.address })
    expect(control('application-name').value).toBe('王芳')
    expect(wrapper.find('[data-testid="prefilled-application-name"]').text()).toBe('已按“我的资料”填写，可修改')
    expect(wrapper.find('[data-testid="prefilled-application-phone"]').exists()).toBe(false)
    await type(view, 'application-name', '王小芳')
    expect(wrapper.find('[data-testid="prefilled-application-name"]').exists()).toBe(false)
  })

  it('moves the applicant’s own data to the agent’s fields when they apply as an agent', async () => {
    const { state } = render({ profile })
    await flushPromises()
    state.answers = { applicant: 'agent', employment: 'unemployed' }
    await nextTick()
    await flushPromises()
    expect(state.values).toMatchObject({ name: null, idNumber: null, agentName: '王芳' })
    expect(control('application-agentName').value).toBe('王芳')
  })
})

describe('values', () => {
  it('keeps numbers as numbers, a multiple choice in the form’s order, and dates as YYYY-MM-DD', async () => {
    const view = render()
    const { wrapper, state } = view
    await type(view, 'application-familySize', '3')
    expect(state.values.familySize).toBe(3)
    await wrapper.get('#application-incomeSources-pension').setValue(true)
    await wrapper.get('#application-incomeSources-wages').setValue(true)
    expect(state.values.incomeSources).toEqual(['wages', 'pension'])
    await wrapper.get('#application-incomeSources-wages').setValue(false)
    expect(state.values.incomeSources).toEqual(['pension'])
    await wrapper.get('#application-health-chronic').setValue(true)
    expect(state.values.health).toBe('chronic')
    await type(view, 'application-hardshipDate', '2026-03-01')
    expect(state.values.hardshipDate).toBe('2026-03-01')
  })

  it('bounds date pickers by the schema and by today in Asia/Shanghai', async () => {
    render({ answers: { applicant: 'agent' } })
    await flushPromises()
    expect(control('application-hardshipDate').getAttribute('min')).toBe('2020-01-01')
    expect(control('application-hardshipDate').getAttribute('max')).toBe(TODAY)
    expect(control('application-entrustedUntil').getAttribute('min')).toBe(TODAY)
    expect(control('application-entrustedUntil').type).toBe('date')
  })
})

describe('errors', () => {
  /** A family member row started but not finished: no name, a mistyped ID number. */
  const startedRow = { members: [{ name: '', relation: 'child', idNumber: '150203201809010022', monthlyIncome: null }] }

  it('validate() lists every error in a focused summary and beside each field, with the same messages as the server', async () => {
    const view = render({ values: startedRow })
    const { wrapper } = view
    const found = view.exposed().validate()
    await flushPromises()
    expect(found.map((error) => error.fieldKey)).toEqual(['name', 'idNumber', 'phone', 'address', 'familySize', 'health', 'reason', 'members[0].name', 'members[0].idNumber'])
    const summary = wrapper.get('[data-testid="error-summary"]')
    expect(document.activeElement).toBe(summary.element)
    expect(summary.get('h2').text()).toBe('有9处需要修改')
    expect(summary.findAll('a').map((link) => [link.text(), link.attributes('href')])).toContainEqual(['请填写“申请人姓名”', '#application-name'])
    expect(summary.findAll('a').map((link) => link.attributes('href'))).toContain('#application-members-0-idNumber')

    const name = control('application-name')
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe('请填写“申请人姓名”')
    expect(wrapper.get('#application-health').text()).toContain('请选择“健康状况”')
    // Beside a table cell, the cell's own message; the summary names the table and row.
    expect(wrapper.get('[data-testid="field-application-members-0-name"]').text()).toContain('请填写“姓名”')
    expect(wrapper.get('[data-testid="field-application-members-0-name"]').text()).not.toContain('第1行')
    expect(summary.text()).toContain('“共同生活家庭成员”第1行：请填写“姓名”')
  })

  it('focuses the field a summary link names', async () => {
    const view = render({ values: startedRow })
    const { wrapper } = view
    view.exposed().validate()
    await flushPromises()
    const links = wrapper.get('[data-testid="error-summary"]').findAll('a')
    await links.find((link) => link.text() === '请选择“健康状况”')!.trigger('click')
    expect(document.activeElement?.id).toBe('application-health-healthy')
    await links.find((link) => link.text().includes('第1行：“公民身份号码”'))!.trigger('click')
    expect(document.activeElement?.id).toBe('application-members-0-idNumber')
  })

  it('asks for a first row when a required table is left blank, and focuses the table from the summary', async () => {
    const view = render()
    const { wrapper } = view
    expect(view.exposed().validate().at(-1)).toEqual({ fieldKey: 'members', message: '请至少填写1行“共同生活家庭成员”' })
    await flushPromises()
    await wrapper.get('[data-testid="error-summary"]').findAll('a').at(-1)!.trigger('click')
    expect(document.activeElement?.id).toBe('application-members')
  })

  it('clears an error as soon as the field is right, and says what is still wrong with it', async () => {
    const view = render()
    const { state } = view
    view.exposed().validate()
    await flushPromises()
    await type(view, 'application-idNumber', '11010519491231003X')
    expect(state.errors.find((error) => error.fieldKey === 'idNumber')?.message).toBe('“公民身份号码”：身份证号码校验位不正确，请逐位核对')
    await type(view, 'application-idNumber', '11010519491231002x')
    expect(state.errors.some((error) => error.fieldKey === 'idNumber')).toBe(false)
    expect(control('application-idNumber').hasAttribute('aria-invalid')).toBe(false)
    expect(state.errors.map((error) => error.fieldKey)).toContain('name')
  })

  it('shows errors the server answered with, and none for fields the situation hides', async () => {
    const errors = [
      { fieldKey: 'phone', message: '“联系电话”：手机号码应为以1开头的11位数字' },
      { fieldKey: 'agentName', message: '请填写“代办人姓名”' },
    ]
    const view = render({ values: validValues() as ApplicationValues, errors })
    const { wrapper } = view
    await flushPromises()
    expect(wrapper.get('[data-testid="error-summary"]').findAll('li').map((item) => item.text())).toEqual(['“联系电话”：手机号码应为以1开头的11位数字'])
    await view.exposed().focusSummary()
    expect(document.activeElement).toBe(wrapper.get('[data-testid="error-summary"]').element)
  })

  it('finds nothing to correct in a complete form', async () => {
    const view = render({ values: validValues() as ApplicationValues })
    const { wrapper } = view
    expect(view.exposed().validate()).toEqual([])
    await flushPromises()
    expect(wrapper.find('[data-testid="error-summary"]').exists()).toBe(false)
  })
})

describe('table rows', () => {
  it('starts an empty table with one blank row, adds rows up to the maximum and removes them', async () => {
    const view = render()
    const { wrapper, state } = view
    await flushPromises()
    expect(state.values.members).toEqual([{ name: null, relation: null, idNumber: null, monthlyIncome: null }])
    expect(wrapper.get('[data-testid="remove-row-application-members-0"]').attributes('disabled')).toBeDefined()

    await type(view, 'application-members-0-name', '张小三')
    await wrapper.get('#application-members-0-relation-child').setValue(true)
    await type(view, 'application-members-0-idNumber', VALID_CHILD_ID)
    await wrapper.get('[data-testid="add-row-application-members"]').trigger('click')
    await wrapper.get('[data-testid="add-row-application-members"]').trigger('click')
    expect(state.values.members).toHaveLength(3)
    expect(wrapper.find('[data-testid="add-row-application-members"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="table-application-members"]').text()).toContain('已达到最多3行')
    expect(wrapper.get('[data-testid="row-application-members-1"] legend').text()).toBe('第2行')

    await wrapper.get('[data-testid="remove-row-application-members-1"]').trigger('click')
    expect(state.values.members).toEqual([
      { name: '张小三', relation: 'child', idNumber: VALID_CHILD_ID, monthlyIncome: null },
      { name: null, relation: null, idNumber: null, monthlyIncome: null },
    ])
  })

  it('shows the table’s own error on the table', async () => {
    const form = makeApplicationForm()
    const table = form.groups[2]!.fields[0]!
    if (table.type === 'tableRows') table.minRows = 2
    const view = render({ form, values: validValues() as ApplicationValues })
    const { wrapper } = view
    view.exposed().validate()
    await flushPromises()
    const tableElement = wrapper.get('[data-testid="table-application-members"]')
    expect(tableElement.text()).toContain('“共同生活家庭成员”至少填写2行')
    expect(tableElement.attributes('aria-describedby')).toBe('application-members-error')
  })
})
