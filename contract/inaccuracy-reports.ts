import { Type, type Static } from 'typebox'
import { Timestamp } from './common.ts'

/** What a citizen can say is wrong on a hall page (信息纠错). */
export const InaccuracyTopic = Type.Union([
  Type.Literal('address'),
  Type.Literal('opening_hours'),
  Type.Literal('phone'),
  Type.Literal('window'),
  Type.Literal('staff'),
  Type.Literal('accessibility'),
  Type.Literal('other'),
])
export type InaccuracyTopic = Static<typeof InaccuracyTopic>

/** A citizen's report that published information is wrong (信息纠错). */
export const InaccuracyReportInput = Type.Object(
  {
    hallId: Type.String({ pattern: '^[a-z0-9-]{1,64}$', examples: ['kundulun-civic-centre'] }),
    topic: InaccuracyTopic,
    description: Type.String({ minLength: 5, maxLength: 1000 }),
    /** Optional way to reach the reporter; masked wherever it is shown or logged. */
    contact: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false, $id: 'InaccuracyReportInput' },
)
export type InaccuracyReportInput = Static<typeof InaccuracyReportInput>

/** The server's acknowledgement: the report is stored under this reference. */
export const InaccuracyReceipt = Type.Object(
  {
    id: Type.String(),
    /** Short human reference the citizen can quote, e.g. JC20261125-0001. */
    reference: Type.String(),
    hallId: Type.String(),
    topic: InaccuracyTopic,
    receivedAt: Timestamp,
  },
  { $id: 'InaccuracyReceipt' },
)
export type InaccuracyReceipt = Static<typeof InaccuracyReceipt>
