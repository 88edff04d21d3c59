"""The country in the demo's territory tree, for the national overview: Kazakhstan's 17 regions and its cities by
category (3 of republican, 38 of regional and 48 of district significance, the counts of the seed paper's Table 4),
in kk / ru / en; the public councils' composition by region; the overview page itself.

Plain data, except `load_overview_demo`. The cities' categories follow the official list as we read it for 2024
(Baikonyr, leased to Russia, is counted with the cities of Kyzylorda Region); editors correct a place in
Territories. The composition of the councils by sector is illustrative: the paper's Figure 1 is a picture whose
values its text does not give; the totals are the paper's (218 councils, 3 915 members).
"""

from wagtail.models import Locale

from demo.home import SOURCE, TARGETS, translate_page, upsert_child, upsert_snippet
from pb_module.models import CouncilComposition, NationalOverviewPage, Territory

# key: (kk, ru, en). The demo's PB content (pb_content.TERRITORIES) already has Mangystau and Pavlodar regions,
# Aktau, Aksu and the three cities of republican significance: they are reused, not repeated.
REGIONS = {
    "abai-region": ("Абай облысы", "Абайская область", "Abai Region"),
    "akmola-region": ("Ақмола облысы", "Акмолинская область", "Akmola Region"),
    "aktobe-region": ("Ақтөбе облысы", "Актюбинская область", "Aktobe Region"),
    "almaty-region": ("Алматы облысы", "Алматинская область", "Almaty Region"),
    "atyrau-region": ("Атырау облысы", "Атырауская область", "Atyrau Region"),
    "east-kazakhstan-region": ("Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region"),
    "zhambyl-region": ("Жамбыл облысы", "Жамбылская область", "Zhambyl Region"),
    "zhetisu-region": ("Жетісу облысы", "Область Жетысу", "Zhetisu Region"),
    "west-kazakhstan-region": ("Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region"),
    "karaganda-region": ("Қарағанды облысы", "Карагандинская область", "Karaganda Region"),
    "kostanay-region": ("Қостанай облысы", "Костанайская область", "Kostanay Region"),
    "kyzylorda-region": ("Қызылорда облысы", "Кызылординская область", "Kyzylorda Region"),
    "north-kazakhstan-region": (
        "Солтүстік Қазақстан облысы",
        "Северо-Казахстанская область",
        "North Kazakhstan Region",
    ),
    "turkistan-region": ("Түркістан облысы", "Туркестанская область", "Turkistan Region"),
    "ulytau-region": ("Ұлытау облысы", "Область Улытау", "Ulytau Region"),
}

# region key -> cities of regional (oblast) significance, besides Aktau and Aksu.
OBLAST_CITIES = {
    "abai-region": [("semey", "Семей", "Семей", "Semey"), ("kurchatov", "Курчатов", "Курчатов", "Kurchatov")],
    "akmola-region": [
        ("kokshetau", "Көкшетау", "Кокшетау", "Kokshetau"),
        ("stepnogorsk", "Степногорск", "Степногорск", "Stepnogorsk"),
    ],
    "aktobe-region": [("aktobe", "Ақтөбе", "Актобе", "Aktobe")],
    "almaty-region": [("konaev", "Қонаев", "Конаев", "Konaev"), ("alatau", "Алатау", "Алатау", "Alatau")],
    "atyrau-region": [("atyrau", "Атырау", "Атырау", "Atyrau")],
    "east-kazakhstan-region": [
        ("oskemen", "Өскемен", "Усть-Каменогорск", "Oskemen"),
        ("ridder", "Риддер", "Риддер", "Ridder"),
    ],
    "zhambyl-region": [("taraz", "Тараз", "Тараз", "Taraz")],
    "zhetisu-region": [
        ("taldykorgan", "Талдықорған", "Талдыкорган", "Taldykorgan"),
        ("tekeli", "Текелі", "Текели", "Tekeli"),
    ],
    "west-kazakhstan-region": [("oral", "Орал", "Уральск", "Oral")],
    "karaganda-region": [
        ("karaganda", "Қарағанды", "Караганда", "Karaganda"),
        ("balkhash", "Балқаш", "Балхаш", "Balkhash"),
        ("priozersk", "Приозерск", "Приозерск", "Priozersk"),
        ("saran", "Саран", "Сарань", "Saran"),
        ("temirtau", "Теміртау", "Темиртау", "Temirtau"),
        ("shakhtinsk", "Шахтинск", "Шахтинск", "Shakhtinsk"),
    ],
    "kostanay-region": [
        ("kostanay", "Қостанай", "Костанай", "Kostanay"),
        ("rudny", "Рудный", "Рудный", "Rudny"),
        ("lisakovsk", "Лисаков", "Лисаковск", "Lisakovsk"),
        ("arkalyk", "Арқалық", "Аркалык", "Arkalyk"),
    ],
    "kyzylorda-region": [
        ("kyzylorda", "Қызылорда", "Кызылорда", "Kyzylorda"),
        ("baikonyr", "Байқоңыр", "Байконыр", "Baikonyr"),
    ],
    "mangystau": [("zhanaozen", "Жаңаөзен", "Жанаозен", "Zhanaozen")],
    "pavlodar-region": [
        ("pavlodar", "Павлодар", "Павлодар", "Pavlodar"),
        ("ekibastuz", "Екібастұз", "Экибастуз", "Ekibastuz"),
    ],
    "north-kazakhstan-region": [("petropavl", "Петропавл", "Петропавловск", "Petropavl")],
    "turkistan-region": [
        ("turkistan", "Түркістан", "Туркестан", "Turkistan"),
        ("kentau", "Кентау", "Кентау", "Kentau"),
        ("arys", "Арыс", "Арыс", "Arys"),
    ],
    "ulytau-region": [
        ("zhezkazgan", "Жезқазған", "Жезказган", "Zhezkazgan"),
        ("satpayev", "Сәтбаев", "Сатпаев", "Satpayev"),
        ("karazhal", "Қаражал", "Каражал", "Karazhal"),
    ],
}

# region key -> cities of district significance.
DISTRICT_CITIES = {
    "akmola-region": [
        ("akkol", "Ақкөл", "Акколь", "Akkol"),
        ("atbasar", "Атбасар", "Атбасар", "Atbasar"),
        ("derzhavinsk", "Державинск", "Державинск", "Derzhavinsk"),
        ("ereymentau", "Ерейментау", "Ерейментау", "Ereymentau"),
        ("esil", "Есіл", "Есиль", "Esil"),
        ("makinsk", "Макинск", "Макинск", "Makinsk"),
        ("stepnyak", "Степняк", "Степняк", "Stepnyak"),
        ("shchuchinsk", "Щучинск", "Щучинск", "Shchuchinsk"),
        ("kosshy", "Қосшы", "Косшы", "Kosshy"),
    ],
    "aktobe-region": [
        ("alga", "Алға", "Алга", "Alga"),
        ("emba", "Ембі", "Эмба", "Emba"),
        ("kandyagash", "Қандыағаш", "Кандыагаш", "Kandyagash"),
        ("khromtau", "Хромтау", "Хромтау", "Khromtau"),
        ("shalkar", "Шалқар", "Шалкар", "Shalkar"),
        ("temir", "Темір", "Темир", "Temir"),
        ("zhem", "Жем", "Жем", "Zhem"),
    ],
    "almaty-region": [
        ("esik", "Есік", "Есик", "Esik"),
        ("kaskelen", "Қаскелең", "Каскелен", "Kaskelen"),
        ("talgar", "Талғар", "Талгар", "Talgar"),
    ],
    "zhetisu-region": [
        ("zharkent", "Жаркент", "Жаркент", "Zharkent"),
        ("sarkand", "Сарқан", "Сарканд", "Sarkand"),
        ("ushtobe", "Үштөбе", "Уштобе", "Ushtobe"),
    ],
    "abai-region": [("ayagoz", "Аягөз", "Аягоз", "Ayagoz"), ("shar", "Шар", "Шар", "Shar")],
    "east-kazakhstan-region": [
        ("altai", "Алтай", "Алтай", "Altai"),
        ("serebryansk", "Серебрянск", "Серебрянск", "Serebryansk"),
        ("shemonaikha", "Шемонаиха", "Шемонаиха", "Shemonaikha"),
        ("zaysan", "Зайсан", "Зайсан", "Zaysan"),
    ],
    "zhambyl-region": [
        ("zhanatas", "Жаңатас", "Жанатас", "Zhanatas"),
        ("karatau", "Қаратау", "Каратау", "Karatau"),
        ("shu", "Шу", "Шу", "Shu"),
    ],
    "west-kazakhstan-region": [("aksai", "Ақсай", "Аксай", "Aksai")],
    "karaganda-region": [("abai", "Абай", "Абай", "Abai"), ("karkaraly", "Қарқаралы", "Каркаралинск", "Karkaraly")],
    "kostanay-region": [("zhitikara", "Жітіқара", "Житикара", "Zhitikara"), ("tobyl", "Тобыл", "Тобыл", "Tobyl")],
    "kyzylorda-region": [("aral", "Арал", "Аральск", "Aral"), ("kazaly", "Қазалы", "Казалинск", "Kazaly")],
    "mangystau": [("fort-shevchenko", "Форт-Шевченко", "Форт-Шевченко", "Fort-Shevchenko")],
    "north-kazakhstan-region": [
        ("bulaevo", "Булаев", "Булаево", "Bulaevo"),
        ("mamlyut", "Мамлют", "Мамлютка", "Mamlyut"),
        ("sergeyevka", "Сергеев", "Сергеевка", "Sergeyevka"),
        ("taiynsha", "Тайынша", "Тайынша", "Taiynsha"),
    ],
    "turkistan-region": [
        ("zhetysai", "Жетісай", "Жетысай", "Zhetysai"),
        ("lenger", "Ленгір", "Ленгер", "Lenger"),
        ("saryagash", "Сарыағаш", "Сарыагаш", "Saryagash"),
        ("shardara", "Шардара", "Шардара", "Shardara"),
    ],
    "atyrau-region": [("kulsary", "Құлсары", "Кульсары", "Kulsary")],
}

# Public councils by region in 2021: (councils, NGOs, business, science and education, media, other citizens).
# Illustrative by sector; the councils add up to the paper's 218 and the members to its 3 915.
COMPOSITION_YEAR = 2021
COMPOSITION_SOURCE = (
    "Демонстрационные данные по секторам; итоги — по статье: 218 советов, 3 915 членов "
    "(Министерство культуры и информации РК, 2021)"
)
COMPOSITION = {
    "almaty": (8, 86, 35, 33, 13, 20),
    "astana": (6, 70, 29, 26, 11, 15),
    "shymkent": (5, 57, 24, 22, 9, 13),
    "abai-region": (11, 99, 39, 33, 13, 22),
    "akmola-region": (17, 132, 55, 44, 18, 31),
    "aktobe-region": (13, 105, 44, 37, 13, 24),
    "almaty-region": (11, 96, 39, 33, 13, 22),
    "atyrau-region": (8, 68, 28, 24, 9, 15),
    "east-kazakhstan-region": (12, 101, 42, 35, 13, 22),
    "zhambyl-region": (11, 92, 37, 33, 11, 20),
    "zhetisu-region": (10, 83, 33, 28, 11, 18),
    "west-kazakhstan-region": (13, 99, 39, 35, 13, 22),
    "karaganda-region": (12, 110, 46, 39, 15, 24),
    "kostanay-region": (17, 129, 53, 44, 18, 28),
    "kyzylorda-region": (9, 77, 31, 26, 11, 18),
    "mangystau": (7, 66, 26, 22, 9, 15),
    "pavlodar-region": (12, 94, 37, 33, 13, 22),
    "north-kazakhstan-region": (13, 99, 39, 33, 13, 22),
    "turkistan-region": (17, 136, 55, 46, 18, 31),
    "ulytau-region": (6, 53, 22, 18, 7, 11),
}

OVERVIEW_PAGE = {
    "slug": "national-overview",
    "title": {"kk": "Ел бойынша шолу", "ru": "Обзор по стране", "en": "National overview"},
    "intro": {
        "kk": "<p>Қазақстан бойынша қатысу бюджетіне қанша қаражат тиесілі болуы мүмкін. Зерттеу мақаласы оны "
        "2024 жылға бағалаған (4-кесте): әр қала өз санатындағы жобалардың орташа санын бір жобаның шекті "
        "құнына дейін қаржыландырса. Басқа бағалауларды көру үшін жылды немесе орташа сандарды өзгертіңіз; "
        "төменде нәтижелері жарияланған циклдердің нақты көрсеткіштері және қоғамдық кеңестердің құрамы "
        "берілген.</p>",
        "ru": "<p>Сколько денег может приходиться на бюджет участия по всему Казахстану. Научная статья оценила "
        "это на 2024 год (таблица 4): если каждый город финансирует среднее для своей категории число проектов "
        "по предельной стоимости проекта. Измените год или средние числа, чтобы увидеть другие оценки; ниже — "
        "реальные цифры циклов с опубликованными итогами и состав общественных советов.</p>",
        "en": "<p>How much money the participatory budget could handle across Kazakhstan. The research paper "
        "estimated it for 2024 (its Table 4): every city funding the average number of projects of its "
        "category, each up to the cap per project. Change the year or the averages to see other estimates; "
        "below are the real figures of the cycles with published results, and who sits in the public "
        "councils.</p>",
    },
    "note": {
        "kk": "<p>Мақаланың 4-кестесінде 5,5, 20,9 және 1,3 млрд теңге, барлығы 27,7 млрд теңге көрсетілген: "
        "барлығы дөңгелектелген жолдардың қосындысы, ал 3 692 теңгелік 15 000 АЕК бойынша 380 жоба 21,04 млрд "
        "теңге болады, мақала оны 20,9-ға дейін кемітіп дөңгелектеген. Дәл барлығы — 27,91 млрд теңге. "
        "Дереккөз: Жергілікті бюджеттердің жобаларын әзірлеу қағидалары (Қаржы министрінің № 470 бұйрығы, "
        "2023 жылғы 11 қаңтардағы өзгерістерімен).</p>",
        "ru": "<p>В таблице 4 статьи указаны 5,5, 20,9 и 1,3 млрд тенге, всего 27,7 млрд тенге: итог — сумма "
        "округлённых строк, а 380 проектов по 15 000 МРП при МРП 3 692 тенге — это 21,04 млрд тенге, которые "
        "статья округлила вниз до 20,9. Точный итог — 27,91 млрд тенге. Источник: Правила разработки проектов "
        "местных бюджетов (приказ Министра финансов № 470 с изменениями от 11 января 2023 года).</p>",
        "en": "<p>The paper's Table 4 prints 5.5, 20.9 and 1.3 bn tenge, 27.7 bn in total: the total is the sum "
        "of its rounded rows, and 380 projects at 15,000 MCI of 3,692 tenge are 21.04 bn tenge, which it rounds "
        "down to 20.9. The exact total is 27.91 bn tenge. Source: Rules for drafting local budgets (Order No 470 "
        "of the Minister of Finance, as amended on 11 January 2023).</p>",
    },
}


def load_overview_demo(pb_index, territories: dict) -> dict:
    """The country's regions and cities, the councils' composition and the overview page (under the PB section,
    translated). `territories` are the PB demo's Kazakh territories by key; returns the overview page."""
    places = dict(territories)

    def place(key, names, kind, category, parent):
        made = upsert_snippet(
            Territory,
            key,
            lambda lang: {
                "name": names[("kk", "ru", "en").index(lang)],
                "kind": kind,
                "settlement_category": category,
                "parent": parent.get_translation(Locale.objects.get(language_code=lang)) if parent else None,
            },
        )
        places[key] = made[SOURCE]

    for key, names in REGIONS.items():
        place(key, names, Territory.Kind.REGION, "", None)
    for cities, category in ((OBLAST_CITIES, "oblast"), (DISTRICT_CITIES, "district")):
        for region, rows in cities.items():
            for key, *names in rows:
                place(key, names, Territory.Kind.CITY, category, places[region])
    for key, (councils, *sectors) in COMPOSITION.items():
        CouncilComposition.objects.update_or_create(
            region=places[key],
            year=COMPOSITION_YEAR,
            defaults={
                "councils": councils,
                **dict(zip(CouncilComposition.SECTORS, sectors, strict=True)),
                "source": COMPOSITION_SOURCE,
            },
        )
    spec = OVERVIEW_PAGE
    page = upsert_child(
        pb_index,
        NationalOverviewPage,
        spec["slug"],
        {
            "title": spec["title"][SOURCE],
            "intro": spec["intro"][SOURCE],
            "note": spec["note"][SOURCE],
            "default_year": 2024,
        },
    )
    translate_page(
        page,
        NationalOverviewPage,
        lambda lang: {"title": spec["title"][lang], "intro": spec["intro"][lang], "note": spec["note"][lang]},
        TARGETS,
    )
    return page
