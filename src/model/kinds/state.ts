/**
 * Event kinds of speech, law and bargaining: official statements, trials, releases, concessions,
 * layoffs and negotiations.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { CountClaims } from "../Claim.js"
import { Count } from "../Count.js"
import { eventFields } from "../EventCommon.js"
import { ActorId } from "../Id.js"
import { LanguageTag, nonEmptyArrayOf, Text } from "../Text.js"

/**
 * A quote in its own language, with an optional translation.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Quote = Schema.Struct({
  text: Text,
  language: Schema.optionalKey(LanguageTag),
  translation: Schema.optionalKey(Text),
  translationLanguage: Schema.optionalKey(LanguageTag)
}).annotate({ identifier: "Quote", title: "Quote" })
/**
 * @since 0.1.0
 * @category models
 */
export type Quote = typeof Quote.Type

/**
 * How a statement was made.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Medium = Schema.Literals([
  "press-release",
  "speech",
  "televised-address",
  "video-address",
  "interview",
  "decree",
  "press-conference",
  "social-media",
  "letter",
  "report",
  "other"
])
/**
 * @since 0.1.0
 * @category models
 */
export type Medium = typeof Medium.Type

/**
 * The stance of a statement towards the protest, as the recorder reads it. It is an editorial
 * label: keep it to what the statement itself says (an appeal for calm is `appeal`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Stance = Schema.Literals(["appeal", "warning", "concession", "acknowledgement", "denial", "condemnation", "information", "other"])
/**
 * @since 0.1.0
 * @category models
 */
export type Stance = typeof Stance.Type

/**
 * An official statement: who spoke (`speaker`) and in what office, quotes, language, medium and
 * stance.
 *
 * @category schemas
 * @since 0.1.0
 */
export const OfficialStatement = Schema.Struct({
  ...eventFields,
  kind: Schema.Literal("official-statement"),
  speaker: ActorId,
  office: Schema.optionalKey(Text),
  quotes: Schema.optionalKey(Schema.Array(Quote)),
  language: Schema.optionalKey(LanguageTag),
  medium: Schema.optionalKey(Medium),
  stance: Schema.optionalKey(Stance)
}).annotate({ identifier: "OfficialStatement", title: "OfficialStatement", description: "A statement by an official or a public body." })
/**
 * @since 0.1.0
 * @category models
 */
export type OfficialStatement = typeof OfficialStatement.Type

/**
 * A sentence handed down: to whom (if named), how many it covers, and the penalty as reported;
 * `custodial` is true when it sends people to prison or a colony (not a fine or a suspended term).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Sentence = Schema.Struct({
  defendants: Schema.optionalKey(Schema.Array(ActorId)),
  count: Schema.optionalKey(Count),
  penalty: Text,
  custodial: Schema.optionalKey(Schema.Boolean)
}).annotate({ identifier: "Sentence", title: "Sentence" })
/**
 * @since 0.1.0
 * @category models
 */
export type Sentence = typeof Sentence.Type

/**
 * The stage of court proceedings an event records (`lawsuit`: a civil suit is filed).
 *
 * @category schemas
 * @since 0.1.0
 */
export const TrialStage = Schema.Literals(["charge", "lawsuit", "opening", "hearing", "verdict", "appeal", "parole-hearing"])
/**
 * @since 0.1.0
 * @category models
 */
export type TrialStage = typeof TrialStage.Type

/**
 * A trial or verdict: the stage, court, defendants (named, and how many as claims), charges,
 * sentences and outcome.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Trial = Schema.Struct({
  ...eventFields,
  kind: Schema.Literal("trial"),
  stage: TrialStage,
  court: Schema.optionalKey(ActorId),
  defendants: Schema.optionalKey(Schema.Array(ActorId)),
  defendantCount: Schema.optionalKey(CountClaims),
  charges: Schema.optionalKey(Schema.Array(Text)),
  sentences: Schema.optionalKey(Schema.Array(Sentence)),
  outcome: Schema.optionalKey(Text)
}).annotate({ identifier: "Trial", title: "Trial", description: "Court proceedings: charges, hearings, verdicts, appeals." })
/**
 * @since 0.1.0
 * @category models
 */
export type Trial = typeof Trial.Type

/**
 * How people came to be freed.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ReleaseForm = Schema.Literals(["release", "amnesty", "parole", "pardon", "acquittal", "bail"])
/**
 * @since 0.1.0
 * @category models
 */
export type ReleaseForm = typeof ReleaseForm.Type

/**
 * A release or amnesty: who was freed, how many (as claims), by whom, on what conditions.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Release = Schema.Struct({
  ...eventFields,
  kind: Schema.Literal("release"),
  form: ReleaseForm,
  released: Schema.optionalKey(CountClaims),
  releasedActors: Schema.optionalKey(Schema.Array(ActorId)),
  authority: Schema.optionalKey(ActorId),
  conditions: Schema.optionalKey(Schema.Array(Text))
}).annotate({ identifier: "Release", title: "Release", description: "Detainees or prisoners are freed." })
/**
 * @since 0.1.0
 * @category models
 */
export type Release = typeof Release.Type

/**
 * What a concession was about; `end-of-action` is protesters or a union calling off a strike or
 * protest.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ConcessionSubject = Schema.Literals(["wages", "jobs", "prices", "personnel", "policy", "end-of-action", "other"])
/**
 * @since 0.1.0
 * @category models
 */
export type ConcessionSubject = typeof ConcessionSubject.Type

/**
 * A concession or agreement: who conceded (`by`), to whom, about what, and its terms. `partial`
 * marks a concession that met only some demands, `signed` a written agreement signed by the parties.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Concession = Schema.Struct({
  ...eventFields,
  kind: Schema.Literal("concession"),
  by: nonEmptyArrayOf(ActorId, "needs at least one actor"),
  to: Schema.optionalKey(Schema.Array(ActorId)),
  subject: ConcessionSubject,
  terms: nonEmptyArrayOf(Text, "needs at least one term"),
  partial: Schema.optionalKey(Schema.Boolean),
  signed: Schema.optionalKey(Schema.Boolean)
}).annotate({ identifier: "Concession", title: "Concession", description: "An employer or authority concedes, or an agreement is reached." })
/**
 * @since 0.1.0
 * @category models
 */
export type Concession = typeof Concession.Type

/**
 * A layoff or dismissal: the employers, how many lost their jobs (as claims) and the reason given.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Layoff = Schema.Struct({
  ...eventFields,
  kind: Schema.Literal("layoff"),
  employers: Schema.optionalKey(Schema.Array(ActorId)),
  dismissed: Schema.optionalKey(CountClaims),
  reason: Schema.optionalKey(Text)
}).annotate({ identifier: "Layoff", title: "Layoff", description: "Workers are laid off or dismissed." })
/**
 * @since 0.1.0
 * @category models
 */
export type Layoff = typeof Layoff.Type

/**
 * The form talks took.
 *
 * @category schemas
 * @since 0.1.0
 */
export const NegotiationForm = Schema.Literals(["negotiation", "meeting", "mediation", "commission", "inquiry", "report"])
/**
 * @since 0.1.0
 * @category models
 */
export type NegotiationForm = typeof NegotiationForm.Type

/**
 * A negotiation, commission or inquiry: the parties, what it found or agreed, and its outcome
 * (including a stalemate).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Negotiation = Schema.Struct({
  ...eventFields,
  kind: Schema.Literal("negotiation"),
  form: NegotiationForm,
  parties: Schema.optionalKey(Schema.Array(ActorId)),
  findings: Schema.optionalKey(Schema.Array(Text)),
  outcome: Schema.optionalKey(Text)
}).annotate({ identifier: "Negotiation", title: "Negotiation", description: "Talks, a commission or an inquiry." })
/**
 * @since 0.1.0
 * @category models
 */
export type Negotiation = typeof Negotiation.Type
