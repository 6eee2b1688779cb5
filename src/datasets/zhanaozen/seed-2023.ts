/**
 * The 2023 events of the seed article (EADaily, "Mass protests broke out in the south-west of
 * Kazakhstan", 11 April 2023, read in an English republication; the article that seeded this
 * project), written with everything the article says about them, attributed to it.
 *
 * Each real-world event is one record: the seed article's claims sit next to those of TASS,
 * RFE/RL, Eurasianet, bureau.kz and the rest. Actors, places, the seed's source records and the
 * links citing them live with the rest of the Zhanaozen dataset and are used here by id.
 *
 * The republication's closing paragraphs are its own political commentary; they are not adopted.
 * Only their recollection of 2011 as the "Zhanaozen massacre" is recorded, as an `echoes` link
 * attributed to the republication (see `./links.ts`).
 */
import type { Record } from "../../model/index.js"
import { links } from "./links.js"
import { seedArticle, seedRepublication, sources } from "./sources.js"

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
      "refused their demand and offered jobs through a contractor, which they rejected. Reports of their number range " +
      "from 'several dozen' to 'more than 100'.",
    note:
      "Unsourced, and so not recorded as claims: the project's notes also give 60–70, about 150 and at least 200 " +
      "protesters (attributed to Vlast and Sputnik Kazakhstan, whose reports could not be found).",
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
        value: { kind: "at-least", value: 24, phrase: "several dozen" },
        citations: [{ source: "src-eurasianet-2023-04-police-disperse-demo", quote: "several dozen demonstrators" }],
        note: "'Several dozen' read as at least 24."
      },
      {
        value: { kind: "about", value: 80, phrase: "around 80" },
        citations: [{ source: "src-diplomat-2023-04-laid-off-oil-workers-detained", quote: "around 80 laid-off oil workers from Zhanaozen set up camp" }]
      },
      {
        value: { kind: "at-least", value: 100, exclusive: true, phrase: "more than 100" },
        citations: [{ source: "src-sputnik-2023-04-12-astana-police", quote: "a group of more than 100 oil workers" }]
      }
    ],
    disputes: [
      {
        topic: "site of the protest in Astana",
        claims: [
          {
            value: { kind: "place", place: "astana", site: "in front of the Energy Ministry" },
            citations: [
              { source: "src-rferl-2023-04-police-in-astana-detain", quote: "spent a night in front of the Energy Ministry's building" },
              { source: "src-bureau-kz-police-detain-oil-workers" },
              { source: "src-turanews-2023-04-oil-workers-left-by-train", quote: "gathered near the building of the Ministry of Energy in Astana" }
            ]
          },
          {
            value: { kind: "place", place: "astana", site: "outside the head office of KazMunayGas" },
            citations: [
              { source: "src-oilnews-2023-04-police-remove-oil-workers", quote: "outside the head office of KazMunayGaz in Astana" },
              { source: "src-sputnik-2023-04-12-astana-police", quote: "to rally outside the office of national oil and gas company KazMunayGas (KMG)" }
            ]
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
            note: "The police's characterisation, quoted by the seed article and by Sputnik; no source read says otherwise."
          }
        ]
      }
    ],
    tags: ["oil-workers", "april-2023"],
    citations: [
      { source: seedArticle, quote: "The workers demanded employment." },
      { source: "src-rferl-2023-04-police-in-astana-detain" },
      { source: "src-sputnik-2023-04-12-astana-police" },
      { source: "src-vlast-2023-04-25-why-oil-workers-protest" }
    ]
  },
  {
    type: "event",
    kind: "negotiation",
    id: "astana-2023-04-kmg-job-offer",
    title: "Laid-off workers refuse jobs at the firm that won the tender",
    summary:
      "KazMunayGas refused the laid-off workers' demand for jobs within its group and offered them work through another " +
      "company, the one that won the tender, on the terms they had had; the workers turned it down and insisted that " +
      "the tender's outcome be cancelled. The KazMunayGas press service (via TASS) dates the offer to 1 April, with an " +
      "average salary of 700,000 tenge; the akim of Zhanaozen (TASS) and the seed article report it from the talks " +
      "during the protest in Astana.",
    note:
      "One offer, reported three times; it was earlier recorded twice. `when` runs from 1 April, the press service's " +
      "date, to the talks in Astana on 10–11 April; where the 1 April offer was made is not said.",
    when: "2023-04-01/2023-04-11",
    where: { place: "astana", site: "talks during the protest (the offer of 1 April: place not given)", timeZone: ALMATY },
    participants: [
      { actor: "kazmunaygas", role: "negotiator" },
      { actor: "laid-off-oil-workers-2023", role: "negotiator" }
    ],
    form: "negotiation",
    parties: ["kazmunaygas", "laid-off-oil-workers-2023"],
    outcome: "the workers rejected the offer of employment through a contracting organisation and continued the protest",
    disputes: [
      {
        topic: "when the offer was made",
        claims: [
          {
            value: { kind: "when", when: "2023-04-01" },
            citations: [{ source: "src-tass-1602835-head-of-zhanaozen", quote: "On April 1, they were offered jobs in another company" }],
            claimant: "kazmunaygas",
            note: "The KazMunayGas press service, as TASS reports it."
          },
          {
            value: { kind: "when", when: "2023-04-10/2023-04-11" },
            citations: [
              { source: "src-tass-1602835-head-of-zhanaozen", quote: "Preliminary negotiations have been held with the protesters in Astana." },
              { source: seedArticle, quote: "In response, the company refused and offered employment through a contracting organization." }
            ],
            claimant: "zhanaozen-akim-2023",
            note: "The akim speaks of talks with the protesters in Astana; the seed article places the offer during the rally."
          }
        ]
      }
    ],
    tags: ["oil-workers", "april-2023"],
    citations: [
      {
        source: seedArticle,
        quote: "In response, the company refused and offered employment through a contracting organization. The workers rejected the offer and continued the protest."
      },
      { source: "src-tass-1602835-head-of-zhanaozen" }
    ]
  },

  // --- the dispersal and detentions in Astana: one police operation, one record -----------------
  {
    type: "event",
    kind: "detention",
    id: "astana-2023-04-11-detention",
    title: "Police disperse the sit-in and detain the oil workers in Astana",
    summary:
      "Between about 18:50 and 19:20 police dispersed the sit-in, dragging the protesting oil workers into police vans, " +
      "and brought administrative charges. According to the Astana Police Department, quoted by the seed article, more " +
      "than 100 oil workers from Zhanaozen were detained, organisers and active participants being 'taken to the " +
      "police' for violating the law \"On Peaceful Assemblies\"; the Kazakhstan International Bureau for Human Rights " +
      "counts more than 80, and another report about 130. One police operation: it was earlier recorded as a " +
      "dispersal and a detention.",
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
        citations: [{ source: "src-rferl-2023-04-police-in-astana-detain", quote: "more than 80 former workers of the BerAli Manghystau Company were detained" }],
        claimant: "kibhr",
        madeOn: "2023-04-11",
        note: "Artur Alkhasov of the Kazakhstan International Bureau for Human Rights, speaking to RFE/RL."
      },
      {
        value: { kind: "about", value: 130 },
        citations: [{ source: "src-oilnews-2023-04-police-remove-oil-workers", quote: "the detention and forced removal of about 130 Kazakh oil industry workers" }],
        note: "The report gives no claimant for the figure (it was earlier attributed to the Bureau for Human Rights, which the copy read does not say)."
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
            citations: [{ source: "src-bureau-kz-police-detain-oil-workers", quote: "18:50 – In Astana, the operation begins" }],
            note: "The zone is the recorder's assumption, not the source's: the timeline gives the times without a zone."
          }
        ]
      }
    ],
    tags: ["oil-workers", "april-2023"],
    citations: [
      { source: seedArticle, quote: policeStatementQuote, locator: "statement of the press service of the Astana Police Department" },
      { source: seedArticle, quote: "The police subsequently dispersed the protesters." },
      { source: "src-bureau-kz-police-detain-oil-workers", quote: "Police then surrounded protestors in a ring and dragged them into police vans one-by-one." },
      { source: "src-rferl-2023-04-police-in-astana-detain" },
      { source: "src-fergana-129795" }
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
      "workers from their town and demanded their release, gathering on the central square and marching to the akimat. " +
      "Reports of the crowd: up to 2,000 (Orda.kz, via TASS), 'thousands' (bureau.kz's timeline), about two thousand " +
      "(the seed article). 24 people were detained (zhanaozen-2023-04-11-detentions).",
    note: "Unsourced, and so not recorded as a claim: the project's notes also give 'several hundred', without a publication that could be checked.",
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
        value: { kind: "at-most", value: 2000, phrase: "up to 2,000" },
        citations: [{ source: "src-tass-1602835-head-of-zhanaozen", quote: "up to 2,000 people have gathered in Zhanaozen's central square" }],
        claimant: "orda-kz",
        madeOn: "2023-04-11",
        note: "TASS gives the Orda news portal's figure."
      },
      {
        value: { kind: "at-least", value: 2000, phrase: "thousands" },
        citations: [{ source: "src-bureau-kz-police-detain-oil-workers", quote: "thousands of Zhanaozen city residents marched to the local akimat" }],
        note: "'Thousands' read as at least 2,000."
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
      { source: "src-bureau-kz-police-detain-oil-workers" }
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
      { source: "src-eurasianet-2023-04-police-disperse-demo", quote: "Workers at several oil companies declared wildcat strikes" }
    ]
  },

  // --- row 48: the akim's appeal --------------------------------------------------------------------
  {
    type: "event",
    kind: "official-statement",
    id: "zhanaozen-akim-2023-04-11-appeal",
    title: "Akim of Zhanaozen appeals for calm",
    summary:
      "The akim (head of administration) of Zhanaozen, Aibek Kosuakov, urged the protesters to calm down and not to " +
      "give in to provocation, invoking the holy month of Ramadan; he said the detained workers faced administrative " +
      "charges and had turned down jobs at the firm that won the tender. The Mangystau governor, Nurlan Nogayev, made " +
      "a late-night address of his own urging calm (Eurasianet).",
    when: "2023-04-11",
    where: { place: "zhanaozen", timeZone: AQTAU },
    participants: [
      { actor: "zhanaozen-akim-2023", role: "speaker" },
      { actor: "mangystau-governor-2023", role: "other", note: "made a separate late-night address urging calm (Eurasianet)" }
    ],
    speaker: "zhanaozen-akim-2023",
    office: "Akim of Zhanaozen",
    quotes: [{ text: akimQuote, language: "en" }],
    stance: "appeal",
    tags: ["april-2023"],
    citations: [
      { source: seedArticle, quote: akimQuote, quoteLanguage: "en", locator: "as quoted in English by the article; the original language is not given" },
      { source: "src-tass-1602835-head-of-zhanaozen", quote: "In the holy month of Ramadan, I am calling on everyone to stay calm." },
      { source: "src-eurasianet-2023-04-police-disperse-demo", quote: "Mangystau governor Nurlan Nogayev issued a late-night address" }
    ]
  }
] as const satisfies ReadonlyArray<Record.Encoded>

const find = <A extends { readonly id: string }>(xs: ReadonlyArray<A>, id: string): A => {
  const x = xs.find((r) => r.id === id)
  if (x === undefined) throw new Error(`seed-2023: no record "${id}" in the Zhanaozen dataset`)
  return x
}

/** The seed article's source record, EADaily's report (it lives in `./sources.ts`). */
export const seedSource = find(sources, seedArticle)

/** The English republication the seed article was read in, which added the closing commentary. */
export const seedRepublicationSource = find(sources, seedRepublication)

/** Links that cite the seed article or its republication (they live in `./links.ts`). */
export const seedLinks = links.filter((l) => l.citations.some((c) => c.source === seedArticle || c.source === seedRepublication))

/**
 * The seed article's own records: its two source records (the republication first, as EADaily's
 * record names it in `via`), its events and the links that cite either, each once. The actors,
 * places and other sources they refer to are in this folder.
 */
export const seedRecords: ReadonlyArray<Record.Encoded> = [seedRepublicationSource, seedSource, ...seedEvents, ...seedLinks]
