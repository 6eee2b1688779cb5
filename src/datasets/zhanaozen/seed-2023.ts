/**
 * The 2023 events of the seed article (EADaily, "Mass protests broke out in the south-west of
 * Kazakhstan", 11 April 2023; the article that seeded this project), written with
 * everything the article says about them, attributed to it.
 *
 * These are the same real-world events as fact-sheet rows 45–48, so they are one record each: the
 * seed article's claims sit next to those of TASS, RFE/RL, Vlast, bureau.kz and the rest. Actors,
 * places, the seed's source record and the links citing it live with the rest of the Zhanaozen dataset
 * (`./zhanaozen/`) and are used here by id.
 *
 * The article's closing paragraphs are the outlet's own political commentary; they are not
 * adopted. Only their recollection of 2011 as the "Zhanaozen massacre" is recorded, as an `echoes`
 * link attributed to the article (see `./zhanaozen/links.ts`).
 */
import type { Record } from "../../model/index.js"
import { links } from "./links.js"
import { seedArticle, sources } from "./sources.js"

const ALMATY = "Asia/Almaty"
const AQTAU = "Asia/Aqtau"

/** The akim's appeal, verbatim as the seed article gives it (in English). */
export const akimQuote =
  "In the holy month of Ramadan, I urge everyone to calm down. Not knowing the essence of the issue, I ask you not to " +
  "succumb to emotions and calls of provocateurs, not to commit any illegal actions."

const policeStatementQuote =
  "In connection with the violation by the protesters of the law \"On Peaceful Assemblies\"... a number of organizers " +
  "and active participants of the action were taken to the police."

export const seedEvents = [
  // --- row 45: the overnight rally in Astana --------------------------------------------------------
  {
    type: "event",
    kind: "rally",
    id: "astana-2023-04-10-overnight-rally",
    title: "Laid-off Zhanaozen oil workers hold an overnight sit-in in Astana",
    summary:
      "Oil workers from Zhanaozen who had lost their jobs when their employer, an oilfield-service contractor, lost a " +
      "tender (the seed article adds that the positions were dissolved) held an overnight sit-in in Astana on " +
      "10–11 April 2023, demanding employment. The seed article places it " +
      "in front of the KazMunayGas office; other reports at the Energy Ministry (see disputes). The Astana Police " +
      "Department called it an unauthorised rally. Energy Minister Satkaliyev refused to meet the workers. KazMunayGas " +
      "refused their demand and offered jobs through a contractor, which they rejected. Crowd estimates range from " +
      "60–70 to at least 200.",
    when: "2023-04-10/2023-04-11",
    where: { place: "astana", site: "KazMunayGas office or Energy Ministry (disputed)", timeZone: ALMATY },
    participants: [
      { actor: "laid-off-oil-workers-2023", role: "organizer" },
      { actor: "kazmunaygas", role: "target" },
      { actor: "energy-ministry", role: "target" },
      { actor: "satkaliyev", role: "target", note: "refused to meet the protesters" },
      { actor: "astana-police-department", role: "authority" }
    ],
    demands: ["employment"],
    form: "sit-in",
    authorised: false,
    overnight: true,
    size: [
      {
        value: { kind: "between", low: 60, high: 70, phrase: "60–70" },
        citations: [{ source: "src-fact-sheet", locator: "row 45; disagreement 9" }],
        note: "Row 45's sources are Vlast (via Global Voices) and Sputnik KZ; the sheet does not say which gives which figure."
      },
      {
        value: { kind: "about", value: 80 },
        citations: [{ source: "src-fact-sheet", locator: "disagreement 9" }],
        note: "The sheet does not name the source."
      },
      {
        value: { kind: "about", value: 100 },
        citations: [{ source: "src-fact-sheet", locator: "disagreement 9" }],
        note: "The sheet does not name the source."
      },
      {
        value: { kind: "about", value: 150 },
        citations: [{ source: "src-fact-sheet", locator: "row 45; disagreement 9" }],
        note: "Row 45's sources are Vlast (via Global Voices) and Sputnik KZ; the sheet does not say which gives which figure."
      },
      {
        value: { kind: "at-least", value: 200, phrase: "at least 200" },
        citations: [{ source: "src-fact-sheet", locator: "row 45; disagreement 9" }],
        note: "Row 45's sources are Vlast (via Global Voices) and Sputnik KZ; the sheet does not say which gives which figure."
      }
    ],
    disputes: [
      {
        topic: "site of the protest in Astana",
        claims: [
          {
            value: { kind: "place", place: "astana", site: "Energy Ministry" },
            citations: [{ source: "src-fact-sheet", locator: "row 45; disagreement 8" }],
            note: "Row 45's sources are Vlast (via Global Voices) and Sputnik KZ."
          },
          {
            value: { kind: "place", place: "astana", site: "KazMunayGas head office" },
            citations: [{ source: "src-fact-sheet", locator: "disagreement 8" }],
            note: "The sheet does not name the source."
          },
          {
            value: { kind: "place", place: "astana", site: "in front of the office of KazMunayGas" },
            citations: [
              {
                source: seedArticle,
                quote: "A rally was held over-night in front of the office of the national oil and gas company \"KazMunayGas\"."
              }
            ]
          }
        ]
      },
      {
        topic: "whether the rally was authorised",
        claims: [
          {
            value: { kind: "text", text: "unauthorised" },
            citations: [
              {
                source: seedArticle,
                quote: "Since yesterday, a group of employees of an oil industry service company organized an unauthorized rally in the capital…",
                locator: "statement of the press service of the Astana Police Department"
              }
            ],
            claimant: "astana-police-department",
            madeOn: "2023-04-11",
            note: "The police's characterisation, quoted by the seed article; no source in the sheet says otherwise."
          }
        ]
      }
    ],
    tags: ["oil-workers", "april-2023"],
    citations: [
      { source: seedArticle, quote: "The workers demanded employment." },
      { source: "src-vlast-2023-04-25-why-oil-workers-protest" },
      { source: "src-sputnik-kz-2023-04-astana" },
      { source: "src-fact-sheet", locator: "row 45; disagreements 8 and 9" }
    ]
  },
  {
    type: "event",
    kind: "negotiation",
    id: "astana-2023-04-kmg-job-offer",
    title: "KazMunayGas refuses the workers' demand and offers jobs through a contractor",
    summary:
      "According to the seed article, KazMunayGas refused the protesting workers' demand for employment and offered " +
      "them jobs through a contracting organisation; the workers rejected the offer and continued the protest.",
    when: "2023-04-10/2023-04-11",
    where: { place: "astana", site: "KazMunayGas office", timeZone: ALMATY },
    participants: [
      { actor: "kazmunaygas", role: "negotiator" },
      { actor: "laid-off-oil-workers-2023", role: "negotiator" }
    ],
    form: "negotiation",
    parties: ["kazmunaygas", "laid-off-oil-workers-2023"],
    outcome: "the workers rejected the offer of employment through a contracting organisation and continued the protest",
    tags: ["oil-workers", "april-2023"],
    citations: [
      {
        source: seedArticle,
        quote: "In response, the company refused and offered employment through a contracting organization. The workers rejected the offer and continued the protest."
      }
    ]
  },

  // --- row 46: dispersal and detention in Astana --------------------------------------------------------
  {
    type: "event",
    kind: "dispersal",
    id: "astana-2023-04-11-dispersal",
    title: "Police disperse the oil workers' sit-in in Astana",
    summary: "The police dispersed the protesters in Astana and took organisers and active participants away in police vans.",
    when: "2023-04-11",
    where: { place: "astana", timeZone: ALMATY },
    participants: [
      { actor: "astana-police-department", role: "perpetrator" },
      { actor: "laid-off-oil-workers-2023", role: "target" }
    ],
    by: ["astana-police-department"],
    force: ["arrests"],
    tags: ["oil-workers", "april-2023"],
    citations: [
      { source: seedArticle, quote: "The police subsequently dispersed the protesters." },
      { source: "src-bureau-kz-police-detain-oil-workers" }
    ]
  },
  {
    type: "event",
    kind: "detention",
    id: "astana-2023-04-11-detention",
    title: "Oil workers from Zhanaozen detained in Astana",
    summary:
      "Between about 18:50 and 19:20 police took the protesting oil workers away in police vans and brought " +
      "administrative charges. According to the Astana Police Department, quoted by the seed article, more than 100 " +
      "oil workers from Zhanaozen were detained, organisers and active participants being 'taken to the police' for " +
      "violating the law \"On Peaceful Assemblies\"; other counts are more than 80 and about 130.",
    note:
      "'About 18:50–19:20' is kept as 18:50–19:20: EDTF cannot mark a time of day as approximate. The source does not " +
      "give the time zone of the times; Astana local time (UTC+6) is assumed (see disputes).",
    when: "2023-04-11T18:50:00/2023-04-11T19:20:00",
    where: { place: "astana", timeZone: ALMATY },
    atProtest: true,
    participants: [
      { actor: "astana-police-department", role: "authority" },
      { actor: "laid-off-oil-workers-2023", role: "detainee" }
    ],
    detained: [
      {
        value: { kind: "at-least", value: 80, exclusive: true, phrase: "more than 80" },
        citations: [{ source: "src-fact-sheet", locator: "row 46; disagreement 10" }],
        note: "Row 46's sources are bureau.kz and the seed article; the sheet does not say which gives this figure (the seed article gives 'more than 100')."
      },
      {
        value: { kind: "about", value: 130 },
        citations: [{ source: "src-fact-sheet", locator: "row 46; disagreement 10" }],
        note: "As above."
      },
      {
        value: { kind: "at-least", value: 100, exclusive: true, phrase: "more than 100" },
        citations: [{ source: seedArticle, quote: "more than 100 oil workers from Zhanaozen were detained" }],
        claimant: "astana-police-department",
        madeOn: "2023-04-11",
        note: "The seed article attributes the figure to the Astana Police Department."
      }
    ],
    detainees: ["laid-off-oil-workers-2023"],
    authority: "astana-police-department",
    legalBasis: ["the law \"On Peaceful Assemblies\""],
    charges: ["administrative charges (not specified)"],
    outcomes: [
      {
        status: "released-with-warning",
        count: { kind: "exact", value: 5 },
        detail: "freed on 12 April 2023 with a warning (astana-2023-04-12-detainees-freed)"
      },
      {
        status: "released",
        count: { kind: "exact", value: 10 },
        detail: "freed on 12 April 2023 and stayed in Astana for talks (astana-2023-04-12-commission)"
      },
      {
        status: "released",
        detail:
          "the rest were freed on 12 April 2023 and sent home to Zhanaozen by train; their number is not given, since " +
          "the total detained is disputed, and the source does not say whether the five warned were among them"
      }
    ],
    disputes: [
      {
        topic: "legal basis given for the detentions",
        claims: [
          {
            value: { kind: "text", text: "violation of the law \"On Peaceful Assemblies\"" },
            citations: [{ source: seedArticle, quote: policeStatementQuote, locator: "statement of the press service of the Astana Police Department" }],
            claimant: "astana-police-department",
            madeOn: "2023-04-11",
            note:
              "Only the seed article ties the detentions to this law (not confirmed elsewhere). The law itself exists: " +
              "No. 333-VI of 25 May 2020."
          }
        ]
      },
      {
        topic: "time zone of the reported times (about 18:50–19:20)",
        claims: [
          {
            value: { kind: "text", text: "not stated; read as Astana local time (Asia/Almaty, UTC+6), one hour ahead of Zhanaozen" },
            citations: [{ source: "src-bureau-kz-police-detain-oil-workers" }, { source: "src-fact-sheet", locator: "row 46; Not confirmed" }],
            note: "An assumption of the recorder (the sheet: 'Astana local assumed'); the times themselves are approximate."
          }
        ]
      }
    ],
    tags: ["oil-workers", "april-2023"],
    citations: [
      { source: seedArticle, quote: policeStatementQuote, locator: "statement of the press service of the Astana Police Department" },
      { source: "src-bureau-kz-police-detain-oil-workers" },
      { source: "src-fergana-129795" },
      { source: "src-fact-sheet", locator: "row 46; disagreement 10" }
    ]
  },

  // --- row 47: the Zhanaozen protest and the strikes of 11 April --------------------------------------
  {
    type: "event",
    kind: "rally",
    id: "zhanaozen-2023-04-11-rally",
    title: "Zhanaozen residents protest the detention of the oil workers in Astana",
    summary:
      "In the evening of 11 April 2023 residents of Zhanaozen protested against the detention in Astana of the oil " +
      "workers from their town and demanded their release. Estimates of the crowd range from several hundred to " +
      "'thousands'; the seed article says about two thousand. 24 people were detained (zhanaozen-2023-04-11-detentions).",
    when: "2023-04-11",
    where: { place: "zhanaozen", timeZone: AQTAU },
    participants: [
      { actor: "zhanaozen-residents", role: "organizer" },
      { actor: "burgylau-workers", role: "participant" }
    ],
    demands: ["release of the oil workers detained in Astana"],
    form: "demonstration",
    size: [
      {
        value: { kind: "at-least", value: 200, phrase: "several hundred" },
        citations: [{ source: "src-fact-sheet", locator: "disagreement 11" }],
        note: "'Several hundred' read as at least 200. The sheet does not name the source."
      },
      {
        value: { kind: "between", low: 1000, high: 2000, phrase: "1,000–2,000" },
        citations: [{ source: "src-tass-1602835-head-of-zhanaozen" }, { source: "src-fact-sheet", locator: "row 47; disagreement 11" }],
        note: "Row 47's sources are TASS and the seed article, which says 'about two thousand'; read as TASS's figure."
      },
      {
        value: { kind: "at-least", value: 2000, phrase: "thousands" },
        citations: [{ source: "src-fact-sheet", locator: "disagreement 11" }],
        note: "'Thousands' read as at least 2,000. The sheet does not name the source."
      },
      {
        value: { kind: "about", value: 2000, phrase: "about two thousand" },
        citations: [{ source: seedArticle, quote: "In Zhanaozen, about two thousand people protested the arrest of oil workers attending an unauthorized rally in Astana." }]
      }
    ],
    tags: ["oil-workers", "april-2023"],
    citations: [
      { source: seedArticle, quote: "In Zhanaozen, about two thousand people protested the arrest of oil workers attending an unauthorized rally in Astana." },
      { source: "src-tass-1602835-head-of-zhanaozen" },
      { source: "src-fact-sheet", locator: "row 47; disagreement 11" }
    ]
  },
  {
    type: "event",
    kind: "strike",
    id: "zhanaozen-2023-04-11-strikes",
    title: "Wildcat strikes on 11 April 2023",
    summary:
      "Wildcat strikes took place on 11 April 2023. The seed article speaks of strike actions 'in the surrounding " +
      "regions' affecting Ozenmunaigas JSC, Ozenmunaiservice LLP and Burgylau LLP; TASS, RFE/RL and Vlast report " +
      "Burgylau workers striking in solidarity (see disputes).",
    when: "2023-04-11",
    where: { place: "zhanaozen", timeZone: AQTAU },
    participants: [
      { actor: "burgylau-workers", role: "organizer" },
      { actor: "burgylau", role: "employer" },
      { actor: "ozenmunaigas", role: "employer" },
      { actor: "ozenmunaiservice", role: "employer" }
    ],
    demands: ["release of the oil workers detained in Astana"],
    form: "wildcat",
    employers: ["ozenmunaigas", "ozenmunaiservice", "burgylau"],
    disputes: [
      {
        topic: "companies affected by the strikes of 11 April 2023",
        claims: [
          {
            value: { kind: "actors", actors: ["ozenmunaigas", "ozenmunaiservice", "burgylau"] },
            citations: [
              {
                source: seedArticle,
                quote: "On April 11th, there were strike actions in the surrounding regions, affecting a number of companies such Ozenmunaigas JSC, Ozenmunaiservice LLP, and Burgylau LLP."
              }
            ]
          },
          {
            value: { kind: "actors", actors: ["burgylau"] },
            citations: [
              { source: "src-tass-1602835-head-of-zhanaozen" },
              { source: "src-rferl-2023-zhanaozen-mothers-jobs" },
              { source: "src-vlast-2023-04-25-why-oil-workers-protest" }
            ],
            note: "Burgylau workers struck in solidarity with the laid-off BerAli Mangistau Company workers."
          }
        ]
      },
      {
        topic: "where the strikes took place",
        claims: [
          { value: { kind: "place", place: "zhanaozen" }, citations: [{ source: "src-tass-1602835-head-of-zhanaozen" }] },
          {
            value: { kind: "text", text: "in the surrounding regions" },
            citations: [{ source: seedArticle, quote: "there were strike actions in the surrounding regions" }]
          }
        ]
      }
    ],
    tags: ["oil-workers", "april-2023"],
    citations: [
      { source: seedArticle },
      { source: "src-tass-1602835-head-of-zhanaozen" },
      { source: "src-fact-sheet", locator: "row 47; disagreement 7" }
    ]
  },

  // --- row 48: the akim's appeal --------------------------------------------------------------------
  {
    type: "event",
    kind: "official-statement",
    id: "zhanaozen-akim-2023-04-11-appeal",
    title: "Akim of Zhanaozen appeals for calm",
    summary:
      "The akim (head of administration) of Zhanaozen urged the protesters to calm down and not to give in to " +
      "provocation, invoking the holy month of Ramadan. The Mangystau governor is also named in TASS's report.",
    when: "2023-04-11",
    where: { place: "zhanaozen", timeZone: AQTAU },
    participants: [
      { actor: "zhanaozen-akim-2023", role: "speaker" },
      { actor: "mangystau-governor-2023", role: "other", note: "named among the row's actors; the sheet does not say what part the governor played" }
    ],
    speaker: "zhanaozen-akim-2023",
    office: "Akim of Zhanaozen",
    quotes: [{ text: akimQuote, language: "en" }],
    stance: "appeal",
    tags: ["april-2023"],
    citations: [
      { source: seedArticle, quote: akimQuote, quoteLanguage: "en", locator: "as quoted in English by the article; the original language is not given" },
      { source: "src-tass-1602835-head-of-zhanaozen", quote: "Head of Zhanaozen calls for law and order in city", locator: "headline" }
    ]
  }
] as const satisfies ReadonlyArray<Record.Encoded>

const find = <A extends { readonly id: string }>(xs: ReadonlyArray<A>, id: string): A => {
  const x = xs.find((r) => r.id === id)
  if (x === undefined) throw new Error(`seed-2023: no record "${id}" in the Zhanaozen dataset`)
  return x
}

/** The seed article's source record (it lives in `./zhanaozen/sources.ts`). */
export const seedSource = find(sources, seedArticle)

/** Links that cite the seed article (they live in `./zhanaozen/links.ts`). */
export const seedLinks = links.filter((l) => l.citations.some((c) => c.source === seedArticle))

/**
 * The seed article's own records: its source, its events and the links that cite it, each once.
 * The actors, places and other sources they refer to are in `./zhanaozen/`.
 */
export const seedRecords: ReadonlyArray<Record.Encoded> = [seedSource, ...seedEvents, ...seedLinks]
