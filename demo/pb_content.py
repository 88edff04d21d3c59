"""Trilingual (kk / ru / en) demo content for the participatory-budgeting module.

Plain data, no Django: the demo loader turns it into territories, cycles, proposals with
their public status logs, expert conclusions, discussion comments and NGO accounts.

The two past cycles follow the platforms compared in the seed paper: Aktau ran on the state
"Berekeli Bastama" model (collection -> moderation -> voting -> results -> implementation;
53 proposals in 2022, 39 of them with 0-10 votes), Aksu on the private "Tugan qala" model
(with an expert council). The third cycle, in Almaty's Bostandyq District, uses every phase
the paper recommends, including discussion with NGOs.

Conventions:
* every text is a {"kk", "ru", "en"} dict, all three filled in (a location may be "" in all
  three); terms follow ../shared/GLOSSARY.md;
* numbers in prose: kk and ru group thousands with a no-break space (\\u00a0), en with commas;
* a proposal's "language" is its author's language, "translate_to" the languages that have a
  full translation published; "history" lists the status changes after "submitted", each
  (status, public reason or "") and, for "merged", the key of the proposal merged into.
"""

from datetime import date

# --------------------------------------------------------------------------------------------
# Territories: a tree, parents before children.
# --------------------------------------------------------------------------------------------

TERRITORIES = [
    # Mangystau Region and Aktau (Berekeli Bastama).
    {
        "key": "mangystau",
        "parent": None,
        "kind": "region",
        "category": "",
        "population_16_plus": None,
        "name": {"kk": "Маңғыстау облысы", "ru": "Мангистауская область", "en": "Mangystau Region"},
    },
    {
        "key": "aktau",
        "parent": "mangystau",
        "kind": "city",
        "category": "oblast",
        "population_16_plus": 142549,
        "name": {"kk": "Ақтау", "ru": "Актау", "en": "Aktau"},
    },
    {
        "key": "aktau-mkr-5",
        "parent": "aktau",
        "kind": "microdistrict",
        "category": "",
        "population_16_plus": None,
        "name": {"kk": "5-шағын аудан", "ru": "5-й микрорайон", "en": "5th Microdistrict"},
    },
    {
        "key": "aktau-mkr-12",
        "parent": "aktau",
        "kind": "microdistrict",
        "category": "",
        "population_16_plus": None,
        "name": {"kk": "12-шағын аудан", "ru": "12-й микрорайон", "en": "12th Microdistrict"},
    },
    {
        "key": "aktau-mkr-14",
        "parent": "aktau",
        "kind": "microdistrict",
        "category": "",
        "population_16_plus": None,
        "name": {"kk": "14-шағын аудан", "ru": "14-й микрорайон", "en": "14th Microdistrict"},
    },
    {
        "key": "aktau-mkr-27",
        "parent": "aktau",
        "kind": "microdistrict",
        "category": "",
        "population_16_plus": None,
        "name": {"kk": "27-шағын аудан", "ru": "27-й микрорайон", "en": "27th Microdistrict"},
    },
    # Pavlodar Region and Aksu (Tugan qala).
    {
        "key": "pavlodar-region",
        "parent": None,
        "kind": "region",
        "category": "",
        "population_16_plus": None,
        "name": {"kk": "Павлодар облысы", "ru": "Павлодарская область", "en": "Pavlodar Region"},
    },
    {
        "key": "aksu",
        "parent": "pavlodar-region",
        "kind": "city",
        "category": "oblast",
        "population_16_plus": 51466,
        "name": {"kk": "Ақсу", "ru": "Аксу", "en": "Aksu"},
    },
    {
        "key": "aksu-centre",
        "parent": "aksu",
        "kind": "microdistrict",
        "category": "",
        "population_16_plus": None,
        "name": {"kk": "Ақсу қаласының орталығы", "ru": "Центр города Аксу", "en": "Aksu town centre"},
    },
    {
        "key": "aksu-kalkaman",
        "parent": "aksu",
        "kind": "village",
        "category": "rural",
        "population_16_plus": None,
        "name": {"kk": "Қалқаман ауылы", "ru": "село Калкаман", "en": "Kalkaman village"},
    },
    {
        "key": "aksu-evgenievka",
        "parent": "aksu",
        "kind": "village",
        "category": "rural",
        "population_16_plus": None,
        "name": {"kk": "Евгеньевка ауылы", "ru": "село Евгеньевка", "en": "Evgenievka village"},
    },
    # Cities of republican significance.
    {
        "key": "almaty",
        "parent": None,
        "kind": "city",
        "category": "republican",
        "population_16_plus": 1_640_000,
        "name": {"kk": "Алматы", "ru": "Алматы", "en": "Almaty"},
    },
    {
        "key": "almaty-bostandyq",
        "parent": "almaty",
        "kind": "district",
        "category": "",
        "population_16_plus": None,
        "name": {"kk": "Бостандық ауданы", "ru": "Бостандыкский район", "en": "Bostandyq District"},
    },
    {
        "key": "almaty-almaly",
        "parent": "almaty",
        "kind": "district",
        "category": "",
        "population_16_plus": None,
        "name": {"kk": "Алмалы ауданы", "ru": "Алмалинский район", "en": "Almaly District"},
    },
    {
        "key": "almaty-medeu",
        "parent": "almaty",
        "kind": "district",
        "category": "",
        "population_16_plus": None,
        "name": {"kk": "Медеу ауданы", "ru": "Медеуский район", "en": "Medeu District"},
    },
    {
        "key": "almaty-auezov",
        "parent": "almaty",
        "kind": "district",
        "category": "",
        "population_16_plus": None,
        "name": {"kk": "Әуезов ауданы", "ru": "Ауэзовский район", "en": "Auezov District"},
    },
    {
        "key": "almaty-alatau",
        "parent": "almaty",
        "kind": "district",
        "category": "",
        "population_16_plus": None,
        "name": {"kk": "Алатау ауданы", "ru": "Алатауский район", "en": "Alatau District"},
    },
    {
        "key": "astana",
        "parent": None,
        "kind": "city",
        "category": "republican",
        "population_16_plus": 1_010_000,
        "name": {"kk": "Астана", "ru": "Астана", "en": "Astana"},
    },
    {
        "key": "shymkent",
        "parent": None,
        "kind": "city",
        "category": "republican",
        "population_16_plus": 805_000,
        "name": {"kk": "Шымкент", "ru": "Шымкент", "en": "Shymkent"},
    },
]

# --------------------------------------------------------------------------------------------
# Cycles.
# --------------------------------------------------------------------------------------------

CYCLES = [
    {
        "key": "aktau-2024",
        "territory": "aktau",
        "year": 2024,
        "total_budget": 600_000_000,
        "style": "berekeli",
        "title": {
            "kk": "Ақтау — қатысу бюджеті 2024",
            "ru": "Актау — бюджет участия 2024",
            "en": "Aktau — participatory budget 2024",
        },
        "intro": {
            "kk": "«Берекелі Бастама» үлгісі бойынша Ақтау тұрғындары қала бюджетінің "
            "600\u00a0000\u00a0000 теңгесін қандай жобаларға жұмсау керектігін өздері шешеді. "
            "Цикл бес кезеңнен тұрады — ұсыныстарды жинау, модерация, дауыс беру, қорытындылар "
            "және іске асыру, ал 16 жасқа толған әр тұрғын үш жобаға дейін дауыс бере алады.",
            "ru": "По модели «Берекелі Бастама» жители Актау сами решают, на какие проекты направить "
            "600\u00a0000\u00a0000 тенге из городского бюджета. Цикл проходит пять этапов — сбор "
            "проектных предложений, модерация, голосование, итоги и реализация, а каждый житель в "
            "возрасте от 16 лет может проголосовать не более чем за три проекта.",
            "en": "Following the Berekeli Bastama model, Aktau residents decide which projects receive "
            "KZT 600,000,000 from the city budget. The cycle has five phases — collection of "
            "proposals, moderation, voting, results and implementation — and every resident aged "
            "16 and over may vote for up to three projects.",
        },
        "phases": [
            ("collection", date(2024, 2, 1), date(2024, 3, 15)),
            ("moderation", date(2024, 3, 16), date(2024, 4, 15)),
            ("voting", date(2024, 5, 1), date(2024, 5, 31)),
            ("results", date(2024, 6, 1), date(2024, 6, 10)),
            ("implementation", date(2024, 7, 1), None),
        ],
        "ballot_type": "approval",
        "min_choices": 1,
        "max_choices": 3,
        "tally_rule": "greedy",
    },
    {
        "key": "aksu-2025",
        "territory": "aksu",
        "year": 2025,
        "total_budget": 80_000_000,
        "style": "tugan_qala",
        "title": {
            "kk": "Ақсу — қатысу бюджеті 2025",
            "ru": "Аксу — бюджет участия 2025",
            "en": "Aksu — participatory budget 2025",
        },
        "intro": {
            "kk": "«Tugan qala» үлгісі бойынша Ақсуда ұсыныстарды жоба орталығы жинайды: мамандар әр "
            "автормен хабарласады, ҮЕҰ өкілдері ұсыныстарды талқылайды, ал сараптамалық кеңес "
            "олардың заңдар мен абаттандыру қағидаларына сәйкестігін тексереді. Содан кейін "
            "16 жасқа толған тұрғындар дауыс береді — әркім жалпы құны 80\u00a0000\u00a0000 "
            "теңгеден аспайтын бес жобаға дейін таңдай алады, одан кейін қорытындылар жарияланып, "
            "іске асыру басталады.",
            "ru": "По модели «Tugan qala» предложения в Аксу собирает проектный центр: специалисты "
            "связываются с каждым автором, представители НПО обсуждают предложения, а экспертный "
            "совет проверяет их на соответствие законам и правилам благоустройства. Затем жители в "
            "возрасте от 16 лет голосуют — каждый может выбрать до пяти проектов общей стоимостью "
            "не более 80\u00a0000\u00a0000 тенге, — после чего публикуются итоги и начинается "
            "реализация.",
            "en": "Following the Tugan qala model, proposals in Aksu are collected by the project centre: "
            "specialists contact every author, NGO representatives discuss the proposals, and the "
            "expert council checks them against the law and the town's landscaping rules. Residents "
            "aged 16 and over then vote — each may choose up to five projects costing no more than "
            "KZT 80,000,000 in total — after which the results are published and implementation "
            "begins.",
        },
        "phases": [
            ("collection", date(2025, 2, 3), date(2025, 3, 14)),
            ("moderation", date(2025, 3, 17), date(2025, 4, 4)),
            ("discussion", date(2025, 4, 7), date(2025, 4, 25)),
            ("expert_review", date(2025, 4, 28), date(2025, 5, 23)),
            ("voting", date(2025, 6, 2), date(2025, 6, 22)),
            ("results", date(2025, 6, 23), date(2025, 6, 30)),
            ("implementation", date(2025, 7, 15), None),
        ],
        "ballot_type": "knapsack",
        "min_choices": 1,
        "max_choices": 5,
        "tally_rule": "equalshares/add1",
    },
    {
        "key": "almaty-bostandyq-2027",
        "territory": "almaty-bostandyq",
        "year": 2027,
        "total_budget": 500_000_000,
        "style": "open",
        "title": {
            "kk": "Алматы, Бостандық ауданы — қатысу бюджеті 2027",
            "ru": "Алматы, Бостандыкский район — бюджет участия 2027",
            "en": "Almaty, Bostandyq District — participatory budget 2027",
        },
        "intro": {
            "kk": "Бостандық ауданында цикл жеті кезеңнің барлығынан өтеді: ұсыныстарды жинау, "
            "модерация, ҮЕҰ-мен талқылау, сараптама, дауыс беру, қорытындылар және іске асыру. "
            "Ұсыныстардың тақырыбы шектелмейді, эскиз бен смета міндетті емес, ал іске асыру "
            "барысын тұрғындар мен ҮЕҰ осы платформада бақылап отырады.",
            "ru": "В Бостандыкском районе цикл проходит все семь этапов: сбор проектных предложений, "
            "модерация, обсуждение с НПО, экспертиза, голосование, итоги и реализация. Темы "
            "предложений не ограничены, эскиз и смета необязательны, а ход реализации жители и НПО "
            "отслеживают прямо на платформе.",
            "en": "In Bostandyq District the cycle goes through all seven phases: collection of "
            "proposals, moderation, discussion with NGOs, expert review, voting, results and "
            "implementation. Topics are not restricted, sketches and estimates are optional, and "
            "residents and NGOs follow the progress of implementation on the platform itself.",
        },
        "phases": [
            ("collection", date(2026, 11, 1), date(2027, 1, 31)),
            ("moderation", date(2027, 2, 1), date(2027, 2, 28)),
            ("discussion", date(2027, 3, 1), date(2027, 3, 20)),
            ("expert_review", date(2027, 3, 21), date(2027, 4, 10)),
            ("voting", date(2027, 4, 20), date(2027, 5, 10)),
            ("results", date(2027, 5, 11), date(2027, 5, 20)),
            ("implementation", date(2027, 6, 1), None),
        ],
        "ballot_type": "approval",
        "min_choices": 1,
        "max_choices": 3,
        "tally_rule": "greedy",
    },
]

# --------------------------------------------------------------------------------------------
# NGO representatives (they discuss proposals and file monitoring reports).
# --------------------------------------------------------------------------------------------

NGOS = [
    {
        "key": "ngo-eco",
        "username": "ngo_eco",
        "first_name": "Айдана",
        "last_name": "Серікова",
        "organisation": {
            "kk": "«Таза Ақсу» экологиялық қоғамдық бірлестігі",
            "ru": "Экологическое общественное объединение «Таза Аксу»",
            "en": "Taza Aksu environmental association",
        },
    },
    {
        "key": "ngo-youth",
        "username": "ngo_youth",
        "first_name": "Данияр",
        "last_name": "Ахметов",
        "organisation": {
            "kk": "«Ақсу жастары» жастар ресурстық орталығы",
            "ru": "Молодёжный ресурсный центр «Аксу жастары»",
            "en": "Aksu Zhastary youth resource centre",
        },
    },
    {
        "key": "ngo-disability",
        "username": "ngo_disability",
        "first_name": "Татьяна",
        "last_name": "Ковальчук",
        "organisation": {
            "kk": "«Мейірім» мүгедектігі бар адамдар қауымдастығы",
            "ru": "Ассоциация людей с инвалидностью «Мейірім»",
            "en": "Meyirim association of people with disabilities",
        },
    },
]

# --------------------------------------------------------------------------------------------
# Proposals.
# --------------------------------------------------------------------------------------------

PROPOSALS = [
    # ---------------------------------------------------------------- Aktau 2024 (Berekeli Bastama)
    {
        "key": "aktau-park-12",
        "cycle": "aktau-2024",
        "district": "aktau-mkr-12",
        "language": "ru",
        "translate_to": ["kk", "en"],
        "title": {
            "kk": "12-шағын аудандағы аула саябағы",
            "ru": "Сквер во дворах 12-го микрорайона",
            "en": "A pocket park in the 12th microdistrict",
        },
        "summary": {
            "kk": "Үйлердің арасындағы бос алаңды жаяу жолдары, орындықтары мен көлеңкелі шатырлары "
            "бар шағын саябаққа айналдыруды ұсынамыз.",
            "ru": "Предлагаем превратить пустырь между домами в небольшой сквер с дорожками, скамейками "
            "и теневыми навесами.",
            "en": "We propose turning the vacant plot between the blocks into a small park with paths, "
            "benches and shade canopies.",
        },
        "description": {
            "kk": "12-шағын аудандағы үйлердің арасындағы алаң көп жылдан бері бос тұр: жазда шаң мен "
            "құм, көлеңке мүлде жоқ. Тұрғындар тақтатас төселген жаяу жолдар салуды, тамшылатып "
            "суарылатын құрғақшылыққа төзімді ағаштар отырғызуды және шатыр астына орындықтар "
            "қоюды ұсынады.\n\n"
            "Саябақ қарт адамдарға және балалар арбасымен жүретін ата-аналарға ыңғайлы болады; "
            "ағаштарды суаруды үй кеңесі өз мойнына алады.",
            "ru": "Между домами 12-го микрорайона много лет пустует площадка: летом там пыль и песок, а "
            "тени нет совсем. Жители предлагают проложить дорожки из плитки, высадить "
            "засухоустойчивые деревья с капельным поливом и поставить скамейки под навесами.\n\n"
            "Сквер будет удобен пожилым людям и родителям с колясками; за поливом готов следить "
            "совет дома.",
            "en": "For years the plot between the blocks of the 12th microdistrict has stood empty: dust "
            "and sand in summer and no shade at all. Residents propose paved paths, "
            "drought-tolerant trees with drip irrigation and benches under canopies.\n\n"
            "The park will suit older people and parents with prams; the residents' council is "
            "ready to look after the watering.",
        },
        "tags": {"kk": ["саябақ", "көгалдандыру"], "ru": ["парк", "озеленение"], "en": ["park", "greening"]},
        "location": {
            "kk": "12-шағын аудан, 20 және 21-үйлердің арасы",
            "ru": "12-й микрорайон, между домами 20 и 21",
            "en": "12th microdistrict, between blocks 20 and 21",
        },
        "estimated_cost": 48_500_000,
        "author_name": "Наталья К.",
        "history": [
            ("in_moderation", ""),
            ("on_ballot", ""),
            ("selected", ""),
            ("in_implementation", ""),
            (
                "completed",
                {
                    "kk": "Нысанды қабылдау комиссиясы 2025 жылғы 17 қазанда қабылдады.",
                    "ru": "Объект принят приёмочной комиссией 17 октября 2025 г.",
                    "en": "The acceptance commission signed off the site on 17 October 2025.",
                },
            ),
        ],
        "review": None,
        "comments": [],
    },
    {
        "key": "aktau-playground-5",
        "cycle": "aktau-2024",
        "district": "aktau-mkr-5",
        "language": "kk",
        "translate_to": ["ru"],
        "title": {
            "kk": "5-шағын аудандағы инклюзивті балалар алаңы",
            "ru": "Инклюзивная детская площадка в 5-м микрорайоне",
            "en": "An inclusive playground in the 5th microdistrict",
        },
        "summary": {
            "kk": "Ескі темір әткеншектердің орнына мүгедектігі бар балалар да ойнай алатын қауіпсіз "
            "алаң салуды ұсынамыз.",
            "ru": "Предлагаем заменить старые железные качели безопасной площадкой, на которой смогут "
            "играть и дети с инвалидностью.",
            "en": "We propose replacing the old iron swings with a safe playground that children with "
            "disabilities can use too.",
        },
        "description": {
            "kk": "5-шағын аудандағы аулада кеңес заманынан қалған тот басқан әткеншектер мен "
            "сырғанақтар ғана бар. Резеңке жабын төсеп, арбамен кіруге болатын әткеншек, "
            "құмсалғыш және ата-аналарға арналған орындықтар орнатуды ұсынамыз.\n\n"
            "Аулада 600-ден астам бала тұрады, ал ең жақын жабдықталған алаңға дейін 15 минут "
            "жаяу жүру керек.",
            "ru": "Во дворе 5-го микрорайона остались только ржавые качели и горки советских времён. "
            "Предлагаем уложить резиновое покрытие, поставить качели, на которые можно заехать на "
            "коляске, песочницу и скамейки для родителей.\n\n"
            "Во дворе живут более 600 детей, а до ближайшей оборудованной площадки 15 минут "
            "пешком.",
            "en": "The courtyard in the 5th microdistrict has only rusty Soviet-era swings and slides. We "
            "propose a rubber surface, a swing that a wheelchair can roll onto, a sandpit and "
            "benches for parents.\n\n"
            "More than 600 children live around the courtyard, and the nearest equipped playground "
            "is a 15-minute walk away.",
        },
        "tags": {
            "kk": ["балалар алаңы", "қолжетімділік"],
            "ru": ["детская площадка", "доступная среда"],
            "en": ["playground", "accessibility"],
        },
        "location": {
            "kk": "5-шағын аудан, 9-үйдің ауласы",
            "ru": "5-й микрорайон, двор дома 9",
            "en": "5th microdistrict, courtyard of block 9",
        },
        "estimated_cost": 24_700_000,
        "author_name": "Айгүл С.",
        "history": [
            ("in_moderation", ""),
            ("on_ballot", ""),
            ("selected", ""),
            ("in_implementation", ""),
            (
                "stalled",
                {
                    "kk": "Мердігер резеңке жабынды жеткізбеді; әкімдік шартты бұзып, жаңа мемлекеттік "
                    "сатып алу конкурсын жариялады.",
                    "ru": "Подрядчик не поставил резиновое покрытие; акимат расторг договор и объявил новый "
                    "конкурс госзакупок.",
                    "en": "The contractor failed to deliver the rubber surface; the akimat terminated the "
                    "contract and announced a new public tender.",
                },
            ),
        ],
        "review": None,
        "comments": [],
    },
    {
        "key": "aktau-lighting-14",
        "cycle": "aktau-2024",
        "district": "aktau-mkr-14",
        "language": "ru",
        "translate_to": ["kk", "en"],
        "title": {
            "kk": "14-шағын аудандағы жаяу жүргіншілер жолын жарықтандыру",
            "ru": "Освещение пешеходной дорожки в 14-м микрорайоне",
            "en": "Lighting the footpath in the 14th microdistrict",
        },
        "summary": {
            "kk": "Балалар мектепке, тұрғындар аялдамаға баратын жолдың бойына 40 жарықдиодты шам орнатуды ұсынамыз.",
            "ru": "Предлагаем установить 40 светодиодных фонарей вдоль дорожки, по которой дети ходят в "
            "школу, а жители — к остановке.",
            "en": "We propose 40 LED street lights along the path that children take to school and "
            "residents take to the bus stop.",
        },
        "description": {
            "kk": "14-шағын аудан мен мектептің арасындағы ұзындығы 700 метрдей жол жарықтандырылмаған; "
            "қыста таңғы сағат жетіде ол жер қап-қараңғы. Шамдар өздігінен жанып-сөнуі үшін жарық "
            "сезгіші бар жарықдиодты шамдар орнатылған тіректер қажет.\n\n"
            "Жоба тұрғындар жиналысында талқыланды, үш үйдің тұрғындары қол қойды.",
            "ru": "Дорожка длиной около 700 метров между 14-м микрорайоном и школой не освещается; зимой "
            "в семь утра там совершенно темно. Нужны опоры со светодиодными светильниками и "
            "датчиком освещённости, чтобы фонари включались и выключались сами.\n\n"
            "Проект обсуждали на собрании жителей, подписи собраны в трёх домах.",
            "en": "The path of about 700 metres between the 14th microdistrict and the school has no "
            "lighting; at seven in the morning in winter it is pitch dark. It needs poles with LED "
            "lamps and a light sensor so that they switch on and off by themselves.\n\n"
            "The project was discussed at a residents' meeting, and signatures were collected in "
            "three blocks.",
        },
        "tags": {
            "kk": ["жарықтандыру", "қауіпсіздік"],
            "ru": ["освещение", "безопасность"],
            "en": ["lighting", "safety"],
        },
        "location": {
            "kk": "14-шағын аудан, мектепке апаратын жол",
            "ru": "14-й микрорайон, дорожка к школе",
            "en": "14th microdistrict, path to the school",
        },
        "estimated_cost": 17_800_000,
        "author_name": "Дмитрий В.",
        "history": [
            ("in_moderation", ""),
            ("on_ballot", ""),
            ("selected", ""),
            ("in_implementation", ""),
            (
                "stalled",
                {
                    "kk": "Электр желілері компаниясы қосылуға техникалық шарттар бергенге дейін жұмыс тоқтатылды.",
                    "ru": "Работы приостановлены до выдачи электросетевой компанией технических условий на "
                    "подключение.",
                    "en": "Work paused until the power grid company issues the technical conditions for the "
                    "connection.",
                },
            ),
            (
                "in_implementation",
                {
                    "kk": "Техникалық шарттар алынды, монтаж жалғасып жатыр.",
                    "ru": "Технические условия получены, монтаж возобновлён.",
                    "en": "The technical conditions have been received and installation has resumed.",
                },
            ),
        ],
        "review": None,
        "comments": [],
    },
    {
        "key": "aktau-workout-27",
        "cycle": "aktau-2024",
        "district": "aktau-mkr-27",
        "language": "kk",
        "translate_to": ["ru", "en"],
        "title": {
            "kk": "27-шағын аудандағы воркаут алаңы",
            "ru": "Воркаут-площадка в 27-м микрорайоне",
            "en": "An outdoor workout area in the 27th microdistrict",
        },
        "summary": {
            "kk": "Жастар мен ересектерге арналған турниктері, қос сырықтары және жаттығу құралдары бар "
            "ашық спорт алаңын салуды ұсынамыз.",
            "ru": "Предлагаем открытую спортивную площадку с турниками, брусьями и тренажёрами для "
            "молодёжи и взрослых.",
            "en": "We propose an open-air sports area with pull-up bars, parallel bars and exercise "
            "machines for young people and adults.",
        },
        "description": {
            "kk": "27-шағын аудан жаңа болғанымен, мұнда бірде-бір спорт алаңы жоқ, жасөспірімдер кешке "
            "гараждардың арасында жүреді. Жұмсақ жабыны мен жарығы бар воркаут алаңында жыл бойы "
            "тегін жаттығуға болады.",
            "ru": "27-й микрорайон новый, но ни одной спортивной площадки здесь нет, и подростки по "
            "вечерам сидят между гаражами. На воркаут-площадке с мягким покрытием и освещением "
            "можно будет бесплатно заниматься круглый год.",
            "en": "The 27th microdistrict is new, yet it has no sports ground at all, and teenagers spend "
            "their evenings among the garages. A workout area with a soft surface and lighting will "
            "let people train free of charge all year round.",
        },
        "tags": {"kk": ["спорт", "жастар"], "ru": ["спорт", "молодёжь"], "en": ["sport", "youth"]},
        "location": {
            "kk": "27-шағын аудан, мектептің жанындағы бос алаң",
            "ru": "27-й микрорайон, пустырь рядом со школой",
            "en": "27th microdistrict, vacant plot next to the school",
        },
        "estimated_cost": 12_400_000,
        "author_name": "Ерлан Т.",
        "history": [
            ("in_moderation", ""),
            ("on_ballot", ""),
            ("not_selected", ""),
        ],
        "review": None,
        "comments": [],
    },
    {
        "key": "aktau-promenade",
        "cycle": "aktau-2024",
        "district": "aktau",
        "language": "ru",
        "translate_to": ["kk"],
        "title": {
            "kk": "Жағалаудағы серуен жолын қайта салу",
            "ru": "Реконструкция прогулочной набережной",
            "en": "Rebuilding the seaside promenade",
        },
        "summary": {
            "kk": "Жағалаудағы серуен жолын толық қайта салып, велосипед жолын, жарық пен шағын сәулет "
            "нысандарын қосуды ұсынамыз.",
            "ru": "Предлагаем полностью перестроить прогулочную набережную, добавив велодорожку, "
            "освещение и малые архитектурные формы.",
            "en": "We propose rebuilding the seaside promenade completely, with a cycle lane, lighting "
            "and street furniture.",
        },
        "description": {
            "kk": "Жағалаудағы тақтатас бұзылып, қоршаулар тот басқан, ал велосипедшілер мен жаяу "
            "жүргіншілер бір тар жолмен жүреді. Ұзындығы 1,2 км учаскені бөлек велосипед жолымен "
            "бірге толық қайта салу керек.\n\n"
            "Сметаны таныс инженер жасады, оны қоса беруге болады.",
            "ru": "Плитка на набережной разрушилась, перила проржавели, а велосипедистам и пешеходам "
            "приходится делить узкую дорожку. Нужна полная реконструкция участка длиной 1,2 км с "
            "отдельной велодорожкой.\n\n"
            "Смету составил знакомый инженер, могу её приложить.",
            "en": "The paving on the promenade has broken up, the railings have rusted, and cyclists and "
            "pedestrians share one narrow path. The 1.2 km stretch needs a full rebuild with a "
            "separate cycle lane.\n\n"
            "An engineer I know has drawn up an estimate, which I can attach.",
        },
        "tags": {
            "kk": ["жағалау", "велосипед жолы"],
            "ru": ["набережная", "велодорожка"],
            "en": ["seafront", "cycle lane"],
        },
        "location": {
            "kk": "Каспий теңізінің жағалауы",
            "ru": "Набережная Каспийского моря",
            "en": "Caspian seafront",
        },
        "estimated_cost": 86_000_000,
        "author_name": "Сергей Л.",
        "history": [
            ("in_moderation", ""),
            (
                "rejected",
                {
                    "kk": "Құны бір ұсыныстың шекті сомасынан (15\u00a0000 АЕК = 55\u00a0380\u00a0000 ₸) "
                    "асады. Автор жобаны кезеңдерге бөліп, келесі циклге қайта жібере алады.",
                    "ru": "Стоимость выше предельной суммы для одного предложения (15\u00a0000 МРП = "
                    "55\u00a0380\u00a0000 ₸). Автор может разделить проект на очереди и подать его в "
                    "следующем цикле.",
                    "en": "The cost is above the cap for one proposal (15,000 MCI = KZT 55,380,000). The "
                    "author may split the project into stages and resubmit it in the next cycle.",
                },
            ),
        ],
        "review": None,
        "comments": [],
    },
    {
        "key": "aktau-benches-12",
        "cycle": "aktau-2024",
        "district": "aktau-mkr-12",
        "language": "kk",
        "translate_to": [],
        "title": {
            "kk": "12-шағын аудандағы орындықтар мен көлеңке",
            "ru": "Скамейки и тень в 12-м микрорайоне",
            "en": "Benches and shade in the 12th microdistrict",
        },
        "summary": {
            "kk": "Үйлердің арасындағы алаңға орындықтар мен көлеңкелі шатырлар қоюды ұсынамыз.",
            "ru": "Предлагаем поставить скамейки и теневые навесы на площадке между домами.",
            "en": "We propose benches and shade canopies on the plot between the blocks.",
        },
        "description": {
            "kk": "Жазда аулада отыратын жер жоқ, қарттар күннің астында тұрады. Бес-алты орындық пен "
            "екі шатыр жеткілікті болар еді.",
            "ru": "Летом во дворе негде присесть, пожилые люди стоят на солнце. Хватило бы пяти-шести "
            "скамеек и двух навесов.",
            "en": "In summer there is nowhere to sit in the courtyard, and older people stand in the sun. "
            "Five or six benches and two canopies would be enough.",
        },
        "tags": {"kk": ["абаттандыру"], "ru": ["благоустройство"], "en": ["public space"]},
        "location": {
            "kk": "12-шағын аудан, 20-үйдің жаны",
            "ru": "12-й микрорайон, у дома 20",
            "en": "12th microdistrict, next to block 20",
        },
        "estimated_cost": 4_800_000,
        "author_name": "Гүлнар Ж.",
        "history": [
            ("in_moderation", ""),
            (
                "merged",
                {
                    "kk": "Ұсыныс сол алаңға арналған «12-шағын аудандағы аула саябағы» жобасымен "
                    "біріктірілді: орындықтар мен шатырлар оның сметасына енгізілді, автор келісті.",
                    "ru": "Предложение объединено с проектом «Сквер во дворах 12-го микрорайона» для той же "
                    "площадки: скамейки и навесы включены в его смету, автор согласен.",
                    "en": "Merged with “A pocket park in the 12th microdistrict”, which covers the same plot: "
                    "the benches and canopies are included in its estimate, and the author agreed.",
                },
                "aktau-park-12",
            ),
        ],
        "review": None,
        "comments": [],
    },
    {
        "key": "aktau-road-27",
        "cycle": "aktau-2024",
        "district": "aktau-mkr-27",
        "language": "ru",
        "translate_to": ["kk", "en"],
        "title": {
            "kk": "27-шағын аудандағы ішкі жолды жөндеу",
            "ru": "Ремонт внутриквартального проезда в 27-м микрорайоне",
            "en": "Repairing the inner road in the 27th microdistrict",
        },
        "summary": {
            "kk": "27-шағын аудандағы үйлердің бойындағы бұзылған жолды асфальттауды ұсынамыз.",
            "ru": "Предлагаем заасфальтировать разбитый проезд вдоль домов 27-го микрорайона.",
            "en": "We propose resurfacing the broken road along the blocks of the 27th microdistrict.",
        },
        "description": {
            "kk": "Әр жаңбырдан кейін жолда тізеден келетін шалшық тұрады, жедел жәрдем көліктері "
            "аулаға кіре алмай, айналып өтеді. Ескі асфальтты алып, нөсер кәрізін жасап, жаңа "
            "жабын төсеу керек.",
            "ru": "После каждого дождя в проезде стоят лужи по колено, и машины скорой помощи объезжают "
            "двор. Нужно снять старый асфальт, сделать ливнёвку и уложить новое покрытие.",
            "en": "After every rain the road has knee-deep puddles, and ambulances have to go round the "
            "courtyard. The old asphalt has to be removed, storm drains built and a new surface "
            "laid.",
        },
        "tags": {"kk": ["жол"], "ru": ["дорога"], "en": ["road"]},
        "location": {
            "kk": "27-шағын аудан, 5–12-үйлердің бойы",
            "ru": "27-й микрорайон, вдоль домов 5–12",
            "en": "27th microdistrict, along blocks 5–12",
        },
        "estimated_cost": 31_000_000,
        "author_name": "Марат Б.",
        "history": [
            ("in_moderation", ""),
            (
                "rejected",
                {
                    "kk": "Бұл жолды жөндеу қаланың 2024 жылға арналған жол жөндеу бағдарламасына енгізілген; "
                    "жұмыс тамыз айына жоспарланған.",
                    "ru": "Ремонт этого проезда уже включён в городскую программу ремонта дорог на 2024 год; "
                    "работы запланированы на август.",
                    "en": "Repair of this road is already included in the city's 2024 road repair programme; "
                    "the work is scheduled for August.",
                },
            ),
        ],
        "review": None,
        "comments": [],
    },
    # ---------------------------------------------------------------- Aksu 2025 (Tugan qala)
    {
        "key": "aksu-skatepark",
        "cycle": "aksu-2025",
        "district": "aksu-centre",
        "language": "ru",
        "translate_to": ["kk", "en"],
        "title": {
            "kk": "Ақсу қалалық саябағындағы скейт-парк",
            "ru": "Скейт-парк в городском парке Аксу",
            "en": "A skatepark in Aksu town park",
        },
        "summary": {
            "kk": "Скейтбордшыларға, роллерлерге және самокат тебетіндерге арналған бетон скейт-парк салуды ұсынамыз.",
            "ru": "Предлагаем построить бетонный скейт-парк для скейтбордистов, роллеров и тех, кто "
            "катается на самокатах.",
            "en": "We propose a concrete skatepark for skateboarders, rollerbladers and scooter riders.",
        },
        "description": {
            "kk": "Қалада бірде-бір алаң болмағандықтан, ақсулық жасөспірімдер көлік тұрақтары мен жүру "
            "бөлігінде тебеді. Рампалары мен фигуралары бар бетон скейт-парк 20 жыл қызмет етеді "
            "және күтімді аз қажет етеді.\n\n"
            "Жастар жобалауға қатысуға және жарыстар өткізуге дайын.",
            "ru": "Подростки Аксу катаются на парковках и проезжей части, потому что в городе нет ни "
            "одной площадки. Бетонный скейт-парк с рампами и фигурами служит 20 лет и почти не "
            "требует ухода.\n\n"
            "Молодёжь готова участвовать в проектировании и проводить соревнования.",
            "en": "Aksu teenagers ride in car parks and on the roadway because the town has no skate "
            "facility at all. A concrete skatepark with ramps and obstacles lasts 20 years and "
            "needs almost no upkeep.\n\n"
            "Young people are ready to help design it and to run competitions.",
        },
        "tags": {
            "kk": ["спорт", "жастар", "саябақ"],
            "ru": ["спорт", "молодёжь", "парк"],
            "en": ["sport", "youth", "park"],
        },
        "location": {"kk": "Қалалық саябақ", "ru": "Городской парк", "en": "Town park"},
        "estimated_cost": 41_000_000,
        "author_name": "Тимур Е.",
        "history": [
            (
                "in_moderation",
                {
                    "kk": "Жоба орталығының маманы автормен хабарласып, скейт-парктің орнын нақтылады.",
                    "ru": "Специалист проектного центра связался с автором и уточнил место для скейт-парка.",
                    "en": "A project centre specialist contacted the author and confirmed the site for the skatepark.",
                },
            ),
            ("in_discussion", ""),
            ("in_expert_review", ""),
            ("on_ballot", ""),
            ("selected", ""),
            ("in_implementation", ""),
            (
                "completed",
                {
                    "kk": "Скейт-парк 2026 жылғы 30 мамырда ашылды.",
                    "ru": "Скейт-парк открыт 30 мая 2026 г.",
                    "en": "The skatepark opened on 30 May 2026.",
                },
            ),
        ],
        "review": {
            "verdict": "compliant",
            "validated_cost": 38_600_000,
            "conclusion": {
                "kk": "Жоба абаттандыру қағидаларына сәйкес келеді. Саябақтағы учаскеде инженерлік "
                "желілер жоқ; құны 2025 жылғы сметалық нормативтер бойынша нақтыланды.",
                "ru": "Проект соответствует правилам благоустройства. Участок в парке свободен от "
                "инженерных сетей; стоимость уточнена по сметным нормативам 2025 года.",
                "en": "The project complies with the landscaping rules. The plot in the park is clear of "
                "utility lines; the cost was revised to the 2025 estimating standards.",
            },
        },
        "comments": [
            {
                "author": "ngo-youth",
                "hidden_reason": None,
                "text": {
                    "kk": "Қолдаймыз. Шатыр мен ауыз су бұрқағын қосуды ұсынамыз — жазда саябақта ыстық.",
                    "ru": "Поддерживаем. Предлагаем добавить навес и питьевой фонтанчик — летом в парке жарко.",
                    "en": "We support it. We suggest adding a canopy and a drinking fountain — it gets hot in "
                    "the park in summer.",
                },
            },
            {
                "author": "ngo-disability",
                "hidden_reason": None,
                "text": {
                    "kk": "Алаңға жиектассыз, еңісі жайлы кіреберіс жасауды сұраймыз: балалар арбасы бар "
                    "ата-аналар мен арбамен жүретін адамдар да жарыстарды көре алсын.",
                    "ru": "Просим сделать к площадке пологий подход без бордюров, чтобы родители с колясками "
                    "и люди на креслах-колясках тоже могли смотреть соревнования.",
                    "en": "Please make a gentle, step-free approach to the site so that parents with prams "
                    "and wheelchair users can watch the competitions too.",
                },
            },
        ],
    },
    {
        "key": "aksu-crossings",
        "cycle": "aksu-2025",
        "district": "aksu-centre",
        "language": "ru",
        "translate_to": ["kk"],
        "title": {
            "kk": "Ақсу орталығындағы кедергісіз жаяу жүргіншілер өткелдері",
            "ru": "Безбарьерные пешеходные переходы в центре Аксу",
            "en": "Step-free pedestrian crossings in central Aksu",
        },
        "summary": {
            "kk": "Қала орталығындағы 12 жаяу жүргіншілер өткелінде жиектастарды төмендетіп, тактильді "
            "тақтатас төсеуді ұсынамыз.",
            "ru": "Предлагаем понизить бордюры и уложить тактильную плитку на 12 пешеходных переходах в центре города.",
            "en": "We propose lowering the kerbs and laying tactile paving at 12 pedestrian crossings in "
            "the town centre.",
        },
        "description": {
            "kk": "Өткелдердегі биік жиектастар арбамен жүретін адамдарға, қарттарға және балалар арбасы "
            "бар ата-аналарға кедергі келтіреді. Көзі көрмейтін тұрғындарға өткелді табу үшін "
            "тактильді тақтатас қажет.\n\n"
            "12 өткелдің тізімін бағытты өздері жүріп шыққан мүгедектігі бар адамдар "
            "қауымдастығының мүшелерімен бірге жасадық.",
            "ru": "Высокие бордюры на переходах мешают людям на креслах-колясках, пожилым и родителям с "
            "колясками. Незрячим жителям нужна тактильная плитка, чтобы найти переход.\n\n"
            "Список из 12 переходов составлен вместе с членами ассоциации людей с инвалидностью, "
            "которые сами прошли весь маршрут.",
            "en": "High kerbs at the crossings hold back wheelchair users, older people and parents with "
            "prams. Blind residents need tactile paving to find the crossing.\n\n"
            "The list of 12 crossings was drawn up with members of the disability association, who "
            "walked the whole route themselves.",
        },
        "tags": {"kk": ["қолжетімділік", "жол"], "ru": ["доступная среда", "дорога"], "en": ["accessibility", "road"]},
        "location": {"kk": "", "ru": "", "en": ""},
        "estimated_cost": 14_900_000,
        "author_name": "Светлана П.",
        "history": [
            ("in_moderation", ""),
            ("in_discussion", ""),
            ("in_expert_review", ""),
            ("on_ballot", ""),
            ("selected", ""),
            (
                "in_implementation",
                {
                    "kk": "Мердігермен шарт жасалды, жұмыс 2026 жылғы сәуірде басталды.",
                    "ru": "Договор с подрядчиком заключён, работы начались в апреле 2026 г.",
                    "en": "The contract has been signed; work began in April 2026.",
                },
            ),
        ],
        "review": {
            "verdict": "compliant",
            "validated_cost": 15_300_000,
            "conclusion": {
                "kk": "Жоба халықтың жүріп-тұруы шектеулі топтары үшін қолжетімділік жөніндегі құрылыс "
                "нормаларына сәйкес келеді. Екі өткелде нөсер суқабылдағыштарын ауыстыру қажет "
                "болғандықтан, құны артты.",
                "ru": "Проект соответствует строительным нормам доступности для маломобильных групп "
                "населения. Стоимость увеличена: на двух переходах нужно перенести дождеприёмники.",
                "en": "The project complies with the building standards on accessibility for people with "
                "limited mobility. The cost went up because storm-water inlets must be moved at two "
                "crossings.",
            },
        },
        "comments": [
            {
                "author": "ngo-disability",
                "hidden_reason": None,
                "text": {
                    "kk": "Біз бағытты арбамен жүретін және көзі көрмейтін мүшелерімізбен бірге жүріп "
                    "шықтық. Жұмыс аяқталған соң өткелдерді өзіміз тексеруге дайынбыз.",
                    "ru": "Мы прошли маршрут вместе с участниками на креслах-колясках и незрячими участниками. "
                    "После окончания работ готовы сами проверить переходы.",
                    "en": "We walked the route with members who use wheelchairs and members who are blind. "
                    "Once the work is finished we are ready to check the crossings ourselves.",
                },
            },
        ],
    },
    {
        "key": "aksu-kalkaman-lighting",
        "cycle": "aksu-2025",
        "district": "aksu-kalkaman",
        "language": "kk",
        "translate_to": ["ru", "en"],
        "title": {
            "kk": "Қалқаман ауылының көшелерін жарықтандыру",
            "ru": "Уличное освещение в селе Калкаман",
            "en": "Street lighting in Kalkaman village",
        },
        "summary": {
            "kk": "Ауылдың орталық көшесі мен мектепке апаратын жолға күн батареясымен жұмыс істейтін "
            "18 шам орнатуды ұсынамыз.",
            "ru": "Предлагаем установить 18 фонарей на солнечных батареях на центральной улице села и "
            "по дороге к школе.",
            "en": "We propose 18 solar-powered street lights on the village's main street and the road to the school.",
        },
        "description": {
            "kk": "Қалқаманда кешкі алтыдан кейін көшелер қараңғы, балалар үйірмеден қалта шаммен қайтады. "
            "Күн батареялы шамдарға электр желісін тартудың қажеті жоқ, әрі олар ай сайынғы "
            "төлемсіз жұмыс істейді.",
            "ru": "В Калкамане после шести вечера на улицах темно, и дети возвращаются с кружков с "
            "фонариками. Фонари на солнечных батареях не требуют прокладки сетей и работают без "
            "ежемесячной оплаты.",
            "en": "In Kalkaman the streets are dark after six in the evening, and children walk home from "
            "after-school clubs with torches. Solar lights need no new cabling and cost nothing to "
            "run each month.",
        },
        "tags": {"kk": ["жарықтандыру", "ауыл"], "ru": ["освещение", "село"], "en": ["lighting", "village"]},
        "location": {
            "kk": "Орталық көше және мектепке апаратын жол",
            "ru": "Центральная улица и дорога к школе",
            "en": "Main street and the road to the school",
        },
        "estimated_cost": 5_600_000,
        "author_name": "Бауыржан О.",
        "history": [
            ("in_moderation", ""),
            ("in_discussion", ""),
            ("in_expert_review", ""),
            ("on_ballot", ""),
            ("selected", ""),
        ],
        "review": {
            "verdict": "compliant",
            "validated_cost": 5_750_000,
            "conclusion": {
                "kk": "Жоба талаптарға сәйкес келеді. Құны жеткізушілердің 2025 жылғы коммерциялық "
                "ұсыныстары бойынша нақтыланды; шамдарды ауылдық округ әкімі аппаратының "
                "теңгеріміне беру ұсынылады.",
                "ru": "Проект соответствует требованиям. Стоимость уточнена по коммерческим предложениям "
                "поставщиков 2025 года; фонари рекомендуется передать на баланс аппарата акима "
                "сельского округа.",
                "en": "The project meets the requirements. The cost was revised from suppliers' 2025 "
                "quotations; the lights should be transferred to the books of the rural district "
                "akim's office.",
            },
        },
        "comments": [
            {
                "author": "ngo-eco",
                "hidden_reason": None,
                "text": {
                    "kk": "Күн батареялы шамдарды қолдаймыз. Жарықты аспанға емес, жерге түсіретін жабық "
                    "шамдарды таңдауға кеңес береміз.",
                    "ru": "Поддерживаем фонари на солнечных батареях. Советуем выбрать закрытые светильники, "
                    "которые светят вниз, а не в небо.",
                    "en": "We support solar lighting. We recommend shielded lamps that shine downwards rather "
                    "than into the sky.",
                },
            },
        ],
    },
    {
        "key": "aksu-tree-belt",
        "cycle": "aksu-2025",
        "district": "aksu",
        "language": "ru",
        "translate_to": ["kk", "en"],
        "title": {
            "kk": "Өнеркәсіп аймағы мен тұрғын үйлер арасындағы орман белдеуі",
            "ru": "Лесополоса между промзоной и жилыми кварталами",
            "en": "A tree belt between the industrial zone and the housing",
        },
        "summary": {
            "kk": "Өнеркәсіп аймағының шекарасы бойына тамшылатып суарылатын 1\u00a0200 ағаш пен бұта "
            "отырғызуды ұсынамыз.",
            "ru": "Предлагаем высадить 1\u00a0200 деревьев и кустарников с капельным поливом вдоль "
            "границы промышленной зоны.",
            "en": "We propose planting 1,200 trees and shrubs with drip irrigation along the edge of the "
            "industrial zone.",
        },
        "description": {
            "kk": "Жел өнеркәсіп аймағының шаңын жақын аулаларға әкеледі. Қарағаш, терек және "
            "бұталардан тұратын ені 15 метрлік белдеу шаң мен шудың бір бөлігін ұстап қалады.\n\n"
            "Ерікті жастар ағаш отырғызуға дайын, ал бюджет көшеттер мен суару жүйесіне қажет.",
            "ru": "Ветер приносит пыль из промзоны в ближайшие дворы. Полоса из вязов, тополей и "
            "кустарников шириной 15 метров задержит часть пыли и шума.\n\n"
            "Волонтёры готовы посадить деревья, а бюджет нужен на саженцы и систему полива.",
            "en": "The wind carries dust from the industrial zone into the nearest courtyards. A "
            "15-metre belt of elms, poplars and shrubs will hold back some of the dust and "
            "noise.\n\n"
            "Volunteers are ready to do the planting; the budget is needed for saplings and "
            "irrigation.",
        },
        "tags": {
            "kk": ["экология", "көгалдандыру"],
            "ru": ["экология", "озеленение"],
            "en": ["environment", "greening"],
        },
        "location": {
            "kk": "Өнеркәсіп аймағының шекарасы",
            "ru": "Граница промышленной зоны",
            "en": "Edge of the industrial zone",
        },
        "estimated_cost": 27_500_000,
        "author_name": "Ольга М.",
        "history": [
            ("in_moderation", ""),
            ("in_discussion", ""),
            ("in_expert_review", ""),
            ("on_ballot", ""),
            ("not_selected", ""),
        ],
        "review": {
            "verdict": "compliant",
            "validated_cost": 29_200_000,
            "conclusion": {
                "kk": "Жоба көгалдандыру қағидаларына сәйкес келеді. Құрғақшылыққа төзімді тұқымдар "
                "таңдалды; құнына көшеттерді екі жыл бойы күтіп-баптау қосылды.",
                "ru": "Проект соответствует правилам озеленения. Подобраны засухоустойчивые породы; в "
                "стоимость добавлен уход за саженцами в течение двух лет.",
                "en": "The project complies with the greening rules. Drought-tolerant species were chosen; "
                "two years of aftercare for the saplings were added to the cost.",
            },
        },
        "comments": [
            {
                "author": "ngo-eco",
                "hidden_reason": None,
                "text": {
                    "kk": "Қолдаймыз, отырғызуға 40 ерікті алып келуге дайынбыз.",
                    "ru": "Поддерживаем и готовы привести на посадку 40 волонтёров.",
                    "en": "We support this and can bring 40 volunteers for the planting.",
                },
            },
            {
                "author": "ngo-youth",
                "text": {
                    "kk": "Ағаш отырғызуға көмектескісі келетіндер маған WhatsApp арқылы жазыңыздар: +7 700 000 00 00.",
                    "ru": "Кто хочет помочь с посадкой — пишите мне в WhatsApp: +7 700 000 00 00.",
                    "en": "Anyone who wants to help with the planting, message me on WhatsApp: +7 700 000 00 00.",
                },
                "hidden_reason": {
                    "kk": "Пікір жасырылды: онда жеке телефон нөмірі жарияланған.",
                    "ru": "Комментарий скрыт: в нём опубликован личный номер телефона.",
                    "en": "Comment hidden: it contained a personal phone number.",
                },
            },
        ],
    },
    {
        "key": "aksu-heated-stops",
        "cycle": "aksu-2025",
        "district": "aksu",
        "language": "kk",
        "translate_to": ["ru", "en"],
        "title": {
            "kk": "Қоғамдық көліктің жылытылатын аялдамалары",
            "ru": "Тёплые остановки общественного транспорта",
            "en": "Heated bus shelters",
        },
        "summary": {
            "kk": "Қыста автобусты жылы жерде күтуге болатындай, қаладағы ең көп адам жиналатын алты "
            "аялдамаға жабық, жылытылатын павильондар орнатуды ұсынамыз.",
            "ru": "Предлагаем установить закрытые павильоны с обогревом на шести самых людных "
            "остановках города, чтобы зимой было где ждать автобус в тепле.",
            "en": "We propose closed, heated shelters at the six busiest bus stops in town so that people "
            "can wait for the bus somewhere warm in winter.",
        },
        "description": {
            "kk": "Қаңтарда аяз −35\u00a0°C-қа дейін жетеді, ал автобусты кейде 30 минут күтуге тура "
            "келеді. Есігі, инфрақызыл жылытқышы мен жарығы бар павильон қарттар мен оқушыларды "
            "суықтан қорғайды.\n\n"
            "Аялдамаларды тасымалдаушының жолаушылар ағыны туралы деректері бойынша таңдадық.",
            "ru": "В январе морозы доходят до −35\u00a0°C, а автобуса порой приходится ждать по 30 минут. "
            "Павильон с дверями, инфракрасным обогревателем и освещением защитит от холода "
            "пожилых людей и школьников.\n\n"
            "Остановки мы выбрали по данным перевозчика о пассажиропотоке.",
            "en": "In January the frost reaches −35\u00a0°C, and sometimes the bus takes 30 minutes to "
            "come. A shelter with doors, an infrared heater and lighting will protect older people "
            "and schoolchildren from the cold.\n\n"
            "We chose the stops using the bus operator's passenger figures.",
        },
        "tags": {"kk": ["қоғамдық көлік"], "ru": ["общественный транспорт"], "en": ["public transport"]},
        "location": {
            "kk": "Қала бойынша алты аялдама",
            "ru": "Шесть остановок по городу",
            "en": "Six stops across town",
        },
        "estimated_cost": 33_000_000,
        "author_name": "Жанар А.",
        "history": [
            ("in_moderation", ""),
            ("in_discussion", ""),
            ("in_expert_review", ""),
            ("on_ballot", ""),
        ],
        "review": {
            "verdict": "compliant",
            "validated_cost": 34_400_000,
            "conclusion": {
                "kk": "Жоба талаптарға сәйкес келеді. Құнына павильондарды электр желісіне қосу шығыны "
                "қосылды; пайдалану шығындарын қала әкімдігі көтереді.",
                "ru": "Проект соответствует требованиям. В стоимость добавлено подключение павильонов к "
                "электросети; расходы на эксплуатацию берёт на себя акимат города.",
                "en": "The project meets the requirements. The cost of connecting the shelters to the grid "
                "was added; the town akimat will cover the running costs.",
            },
        },
        "comments": [
            {
                "author": "ngo-disability",
                "hidden_reason": None,
                "text": {
                    "kk": "Павильондардың есігі арбамен кіруге болатындай кең әрі табалдырықсыз болуын сұраймыз.",
                    "ru": "Просим сделать двери павильонов широкими и без порога, чтобы можно было заехать на "
                    "кресле-коляске.",
                    "en": "Please make the shelter doors wide and without a threshold, so that a wheelchair "
                    "can get in.",
                },
            },
        ],
    },
    {
        "key": "aksu-evgenievka-playground",
        "cycle": "aksu-2025",
        "district": "aksu-evgenievka",
        "language": "ru",
        "translate_to": [],
        "title": {
            "kk": "Евгеньевка ауылындағы балалар алаңы",
            "ru": "Детская площадка в селе Евгеньевка",
            "en": "A playground in Evgenievka village",
        },
        "summary": {
            "kk": "Ауылдық клубтың жанындағы бос алаңға балалар алаңын орнатуды ұсынамыз.",
            "ru": "Предлагаем поставить детскую площадку на пустыре рядом с сельским клубом.",
            "en": "We propose a playground on the empty plot next to the village club.",
        },
        "description": {
            "kk": "Ауылда балалар көп, ал жалғыз алаң мектептің ауласында, сабақтан кейін ол жабық. "
            "Клубтың жанындағы бос жер тегіс әрі ыңғайлы, қасында аялдама бар.",
            "ru": "В селе много детей, а единственная площадка — во дворе школы, и после уроков он "
            "закрыт. Пустырь у клуба ровный и удобный, рядом остановка.",
            "en": "There are many children in the village, yet the only playground is in the school "
            "yard, which is locked after lessons. The plot by the club is flat and convenient, "
            "with a bus stop next to it.",
        },
        "tags": {"kk": ["балалар алаңы", "ауыл"], "ru": ["детская площадка", "село"], "en": ["playground", "village"]},
        "location": {
            "kk": "Ауылдық клубтың жаны",
            "ru": "Рядом с сельским клубом",
            "en": "Next to the village club",
        },
        "estimated_cost": 5_200_000,
        "author_name": "Ринат Х.",
        "history": [
            ("in_moderation", ""),
            ("in_discussion", ""),
            ("in_expert_review", ""),
            (
                "rejected",
                {
                    "kk": "Сараптамалық кеңес учаскені сәйкес емес деп тапты: ол жоғары вольтты электр беру "
                    "желісінің күзет аймағында орналасқан.",
                    "ru": "Экспертный совет признал участок несоответствующим: он находится в охранной зоне "
                    "высоковольтной линии электропередачи.",
                    "en": "The expert council found the plot non-compliant: it lies within the protection "
                    "zone of a high-voltage power line.",
                },
            ),
        ],
        "review": {
            "verdict": "non_compliant",
            "validated_cost": 5_200_000,
            "conclusion": {
                "kk": "Учаске жоғары вольтты электр беру желісінің күзет аймағында орналасқан, онда "
                "балалар алаңын салуға тыйым салынған. Сарапшылар авторға келесі циклде ауылдық "
                "округ әкімі келіскен, мектептің жанындағы учаскеге ұсыныс беруді ұсынады.",
                "ru": "Участок находится в охранной зоне высоковольтной линии электропередачи, где "
                "размещать детские площадки запрещено. Эксперты предлагают автору в следующем "
                "цикле подать предложение на участок у школы, согласованный акимом сельского "
                "округа.",
                "en": "The plot lies within the protection zone of a high-voltage power line, where "
                "playgrounds are not allowed. The experts suggest that the author resubmit in the "
                "next cycle for the plot by the school, which the rural district akim has approved.",
            },
        },
        "comments": [
            {
                "author": "ngo-youth",
                "hidden_reason": None,
                "text": {
                    "kk": "Идеяны қолдаймыз. Клубтың жанындағы учаске сәйкес келмесе, мектептің жанындағы "
                    "орынды қарастырған жөн — онда жарық бар.",
                    "ru": "Поддерживаем идею. Если участок у клуба не подойдёт, стоит рассмотреть место у "
                    "школы — там уже есть освещение.",
                    "en": "We support the idea. If the plot by the club does not work, the place by the school "
                    "is worth considering — it already has lighting.",
                },
            },
        ],
    },
    {
        "key": "aksu-dog-park",
        "cycle": "aksu-2025",
        "district": "aksu-centre",
        "language": "kk",
        "translate_to": ["ru"],
        "title": {
            "kk": "Иттерді серуендетуге арналған алаң",
            "ru": "Площадка для выгула собак",
            "en": "A dog-walking area",
        },
        "summary": {
            "kk": "Иттер аулалар мен балалар алаңдарында жүрмеуі үшін қоршалған, жабдықталған ит "
            "серуендету алаңын салуды ұсынамыз.",
            "ru": "Предлагаем сделать огороженную оборудованную площадку для выгула собак, чтобы их не "
            "выгуливали во дворах и на детских площадках.",
            "en": "We propose a fenced, equipped dog-walking area so that dogs are no longer walked in "
            "courtyards and on playgrounds.",
        },
        "description": {
            "kk": "Қала орталығында итті серуендететін орын жоқ, сондықтан ит иелері мен ата-аналар "
            "арасында жиі дау туады. Биіктігі 1,8 метр қоршау, иттерді жаттықтыруға арналған құралдар, "
            "қоқыс жәшіктері мен жарық қажет.\n\n"
            "Сарапшылардың ескертпесінен кейін алаңды тұрғын үйлерден 40 метрден әрі көшірдік.",
            "ru": "В центре города негде выгуливать собак, и между владельцами собак и родителями часто "
            "возникают споры. Нужны ограждение высотой 1,8 метра, снаряды для дрессировки, урны и "
            "освещение.\n\n"
            "После замечаний экспертов мы перенесли площадку дальше чем на 40 метров от жилых "
            "домов.",
            "en": "There is nowhere in the town centre to walk dogs, and dog owners and parents often "
            "quarrel. The area needs a 1.8-metre fence, training equipment, bins and lighting.\n\n"
            "After the experts' remarks we moved the area more than 40 metres away from the "
            "housing.",
        },
        "tags": {
            "kk": ["абаттандыру", "үй жануарлары"],
            "ru": ["благоустройство", "домашние животные"],
            "en": ["public space", "pets"],
        },
        "location": {
            "kk": "Гараж кооперативінің жанындағы бос алаң",
            "ru": "Пустырь у гаражного кооператива",
            "en": "Vacant plot by the garage cooperative",
        },
        "estimated_cost": 9_800_000,
        "author_name": "Дана Ә.",
        "history": [
            ("in_moderation", ""),
            ("in_discussion", ""),
            ("in_expert_review", ""),
            (
                "in_moderation",
                {
                    "kk": "Сараптамалық кеңес ұсынысты пысықтауға қайтарды; автор жобаға өзгерістер енгізуде.",
                    "ru": "Экспертный совет вернул предложение на доработку; автор вносит изменения.",
                    "en": "The expert council returned the proposal for changes; the author is revising it.",
                },
            ),
            (
                "in_discussion",
                {
                    "kk": "Автор алаңды басқа учаскеге көшірді; жаңартылған нұсқа қайта талқылауға шығарылды.",
                    "ru": "Автор перенёс площадку на другой участок; обновлённая версия снова вынесена на обсуждение.",
                    "en": "The author moved the area to another plot; the revised version is back in discussion.",
                },
            ),
        ],
        "review": {
            "verdict": "needs_changes",
            "validated_cost": 10_300_000,
            "conclusion": {
                "kk": "Алаң тұрғын үйлердің терезелерінен 40 метрге жетпейтін қашықтықта орналасқан, бұл "
                "санитариялық талаптарға қайшы. Авторға алаңды басқа жерге көшіріп, қоқыс "
                "жәшіктерін сметаға қосу ұсынылады.",
                "ru": "Площадка расположена ближе 40 метров от окон жилых домов, что противоречит "
                "санитарным требованиям. Автору рекомендуется перенести площадку и включить урны в "
                "смету.",
                "en": "The area is less than 40 metres from residential windows, which breaks the sanitary "
                "rules. The author is advised to move it and to include bins in the estimate.",
            },
        },
        "comments": [
            {
                "author": "ngo-eco",
                "hidden_reason": None,
                "text": {
                    "kk": "Жаңа орын әлдеқайда жақсы. Алаңда ит қалдықтарына арналған пакеттер мен бөлек "
                    "жәшік болса екен.",
                    "ru": "Новое место намного удачнее. Хорошо бы поставить на площадке пакеты и отдельную "
                    "урну для собачьих отходов.",
                    "en": "The new site is much better. It would be good to have bags and a separate bin for "
                    "dog waste.",
                },
            },
        ],
    },
    {
        "key": "aksu-running-track",
        "cycle": "aksu-2025",
        "district": "aksu-centre",
        "language": "kk",
        "translate_to": ["ru", "en"],
        "title": {
            "kk": "Мектеп стадионындағы резеңке жабынды жүгіру жолы",
            "ru": "Беговая дорожка с резиновым покрытием на школьном стадионе",
            "en": "A rubber running track at the school stadium",
        },
        "summary": {
            "kk": "Орталықтағы мектеп стадионының айналасына 400 метрлік жүгіру жолын салып, оны кешке "
            "тұрғындарға ашуды ұсынамыз.",
            "ru": "Предлагаем уложить 400-метровую беговую дорожку вокруг школьного стадиона в центре и "
            "открыть её для жителей по вечерам.",
            "en": "We propose a 400-metre running track around the school stadium in the centre, open to "
            "residents in the evenings.",
        },
        "description": {
            "kk": "Қалада жүгіруге арналған жабдықталған жол жоқ, тұрғындар көлік жолының жиегімен "
            "жүгіреді. Мектеп әкімшілігі стадионды сабақтан кейін және демалыс күндері ашуға "
            "келісті.\n\n"
            "Жаңа жабын мектептегі дене шынықтыру сабақтарына да қажет.",
            "ru": "В городе нет оборудованной дорожки для бега, и люди бегают по обочине. Администрация "
            "школы согласна открывать стадион после уроков и по выходным.\n\n"
            "Новое покрытие нужно и для школьных уроков физкультуры.",
            "en": "The town has no proper running track, so people run along the roadside. The school "
            "management has agreed to open the stadium after lessons and at weekends.\n\n"
            "The new surface is also needed for the school's PE lessons.",
        },
        "tags": {"kk": ["спорт", "мектеп"], "ru": ["спорт", "школа"], "en": ["sport", "school"]},
        "location": {
            "kk": "Орталықтағы мектеп стадионы",
            "ru": "Школьный стадион в центре",
            "en": "School stadium in the centre",
        },
        "estimated_cost": 44_500_000,
        "author_name": "Нұрлан Қ.",
        "history": [
            ("in_moderation", ""),
            ("in_discussion", ""),
            ("in_expert_review", ""),
        ],
        "review": None,
        "comments": [
            {
                "author": "ngo-youth",
                "hidden_reason": None,
                "text": {
                    "kk": "Жүгіру клубымыз осында сенбі сайын жаттығатын болады, кестені мектеппен келісуге дайынбыз.",
                    "ru": "Наш беговой клуб будет заниматься здесь по субботам, мы готовы согласовать "
                    "расписание со школой.",
                    "en": "Our running club would train here on Saturdays; we are ready to agree a timetable "
                    "with the school.",
                },
            },
        ],
    },
    # ---------------------------------------------------------------- Almaty, Bostandyq 2027 (open)
    {
        "key": "bostandyq-timiryazev-cycle-lane",
        "cycle": "almaty-bostandyq-2027",
        "district": "almaty-bostandyq",
        "language": "ru",
        "translate_to": [],
        "title": {
            "kk": "Тимирязев көшесіндегі велосипед жолы",
            "ru": "Велодорожка по улице Тимирязева",
            "en": "A cycle lane on Timiryazev Street",
        },
        "summary": {
            "kk": "Тимирязев көшесінің бойымен көліктерден жиектаспен бөлінген велосипед жолын салуды ұсынамыз.",
            "ru": "Предлагаем выделенную велодорожку вдоль улицы Тимирязева, отделённую от машин бордюром.",
            "en": "We propose a protected cycle lane along Timiryazev Street, separated from traffic by a kerb.",
        },
        "description": {
            "kk": "Тимирязев көшесімен күн сайын студенттер мен көрші шағын аудандардың тұрғындары "
            "велосипедпен жүреді, бірақ оларға көліктердің арасымен не тротуармен жүруге тура "
            "келеді. Жиектаспен бөлінген жеке жол велосипедшілерге де, жаяу жүргіншілерге де "
            "қауіпсіз болады.\n\n"
            "Эскиз бен смета жоқ — модерация кезінде оларды жасауға көмектессеңіздер екен.",
            "ru": "По улице Тимирязева каждый день ездят на велосипедах студенты и жители соседних "
            "микрорайонов, но им приходится ехать среди машин или по тротуару. Отдельная полоса с "
            "бордюром сделает дорогу безопаснее и для велосипедистов, и для пешеходов.\n\n"
            "Эскиза и сметы у меня нет — прошу помочь с ними на этапе модерации.",
            "en": "Students and residents of the neighbouring microdistricts cycle along Timiryazev "
            "Street every day, but they have to ride among the cars or on the pavement. A separate "
            "lane behind a kerb will make the street safer for cyclists and pedestrians alike.\n\n"
            "I have no sketch or estimate — I would be grateful for help with them during "
            "moderation.",
        },
        "tags": {"kk": ["велосипед жолы", "жол"], "ru": ["велодорожка", "дорога"], "en": ["cycle lane", "road"]},
        "location": {"kk": "Тимирязев көшесі", "ru": "улица Тимирязева", "en": "Timiryazev Street"},
        "estimated_cost": 52_000_000,
        "author_name": "Асель Н.",
        "history": [],
        "review": None,
        "comments": [],
    },
    {
        "key": "bostandyq-orbita-fountains",
        "cycle": "almaty-bostandyq-2027",
        "district": "almaty-bostandyq",
        "language": "kk",
        "translate_to": ["ru", "en"],
        "title": {
            "kk": "Орбита шағын аудандарындағы ауыз су бұрқақтары",
            "ru": "Питьевые фонтанчики в микрорайонах Орбита",
            "en": "Drinking fountains in the Orbita microdistricts",
        },
        "summary": {
            "kk": "Орбита шағын аудандарындағы серуен жолдары мен балалар алаңдарының жанына он ауыз су "
            "бұрқағын орнатуды ұсынамыз.",
            "ru": "Предлагаем установить десять питьевых фонтанчиков у прогулочных аллей и детских "
            "площадок в микрорайонах Орбита.",
            "en": "We propose ten drinking fountains by the walking paths and playgrounds of the Orbita "
            "microdistricts.",
        },
        "description": {
            "kk": "Жазда Алматыда ауа температурасы 35 градустан асады, ал серуен жолдарында су ішетін "
            "жер жоқ. Қаланың су құбырына қосылған, балалар да қолы жететін бұрқақтар пластик "
            "бөтелкелердің санын азайтады.\n\n"
            "Орындарды тұрғындармен бірге Telegram-топта таңдадық.",
            "ru": "Летом в Алматы бывает за 35 градусов, а на прогулочных аллеях негде попить воды. "
            "Фонтанчики, подключённые к городскому водопроводу и доступные по высоте детям, "
            "сократят число пластиковых бутылок.\n\n"
            "Места мы выбрали вместе с жителями в Telegram-чате.",
            "en": "In summer Almaty gets above 35 degrees, yet there is nowhere to drink along the "
            "walking paths. Fountains connected to the city water supply and low enough for "
            "children will also cut the number of plastic bottles.\n\n"
            "We chose the sites together with residents in a Telegram group.",
        },
        "tags": {
            "kk": ["абаттандыру", "ауыз су"],
            "ru": ["благоустройство", "питьевая вода"],
            "en": ["public space", "drinking water"],
        },
        "location": {
            "kk": "Орбита-1 – Орбита-4 шағын аудандары",
            "ru": "Микрорайоны Орбита-1 – Орбита-4",
            "en": "Orbita-1 to Orbita-4 microdistricts",
        },
        "estimated_cost": 18_000_000,
        "author_name": "Әлия Т.",
        "history": [
            (
                "in_moderation",
                {
                    "kk": "Модератор бұрқақтардың орнын нақтылау үшін автормен хабарласты.",
                    "ru": "Модератор связался с автором, чтобы уточнить места установки фонтанчиков.",
                    "en": "The moderator has contacted the author to confirm where the fountains will go.",
                },
            ),
        ],
        "review": None,
        "comments": [],
    },
]

# A cycle whose voting is open at load time (the loader moves its dates around today).
VOTING_CYCLE = {
    "key": "shymkent-2027",
    "territory": "shymkent",
    "year": 2027,
    "total_budget": 150_000_000,
    "style": "voting",
    "title": {
        "kk": "Шымкент — қатысу бюджеті 2027",
        "ru": "Шымкент — бюджет участия 2027",
        "en": "Shymkent — participatory budget 2027",
    },
    "intro": {
        "kk": "Дауыс беру жүріп жатыр: жалпы құны 150\u00a0000\u00a0000 теңгеге сыятын жобаларды таңдаңыз.",
        "ru": "Идёт голосование: выберите проекты, общая стоимость которых укладывается в 150\u00a0000\u00a0000 тенге.",
        "en": "Voting is open: choose projects whose total cost fits within 150,000,000 tenge.",
    },
    "ballot_type": "knapsack",
    "min_choices": 1,
    "max_choices": None,
    "tally_rule": "equalshares/add1",
}
VOTING_PROPOSALS = [
    (
        {"kk": "Абай даңғылындағы веложол", "ru": "Велодорожка на проспекте Абая", "en": "Cycle lane on Abai Avenue"},
        {
            "kk": "Абай даңғылы бойымен 3 км қауіпсіз веложол.",
            "ru": "Безопасная велодорожка длиной 3 км вдоль проспекта Абая.",
            "en": "A safe 3 km cycle lane along Abai Avenue.",
        },
        58_000_000,
    ),
    (
        {
            "kk": "Тұран шағын ауданындағы балалар алаңы",
            "ru": "Детская площадка в микрорайоне Туран",
            "en": "Playground in the Turan microdistrict",
        },
        {
            "kk": "Көлеңкелі, инклюзивті балалар алаңы.",
            "ru": "Тенистая инклюзивная детская площадка.",
            "en": "A shaded, inclusive playground.",
        },
        24_000_000,
    ),
    (
        {
            "kk": "Бадам өзені жағалауын жарықтандыру",
            "ru": "Освещение набережной реки Бадам",
            "en": "Lighting for the Badam river embankment",
        },
        {
            "kk": "Жағалау бойына 120 үнемді шам орнату.",
            "ru": "Установить 120 энергосберегающих фонарей вдоль набережной.",
            "en": "Install 120 energy-saving lamps along the embankment.",
        },
        36_000_000,
    ),
    (
        {
            "kk": "Мектеп жанындағы жаяу жүргіншілер өткелдері",
            "ru": "Пешеходные переходы у школ",
            "en": "Pedestrian crossings near schools",
        },
        {
            "kk": "Бес мектеп жанында жарықтандырылған өткелдер.",
            "ru": "Освещённые переходы у пяти школ.",
            "en": "Lit crossings near five schools.",
        },
        18_500_000,
    ),
    (
        {
            "kk": "Қалалық саябақтағы ашық кітапхана",
            "ru": "Открытая библиотека в городском парке",
            "en": "Open-air library in the city park",
        },
        {
            "kk": "Жазғы оқу залы және кітап алмасу сөрелері.",
            "ru": "Летний читальный зал и полки для обмена книгами.",
            "en": "A summer reading room and book-exchange shelves.",
        },
        12_000_000,
    ),
]
