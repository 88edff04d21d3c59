"""Demo of implementation tracking (issue 7): the funded proposals of Aktau 2024 and Aksu 2025 get milestones,
photos before and after, responsible bodies and their officials, consistent with the statuses the demo gave them
(completed, stalled, back in implementation, in implementation).

Milestone dates are history, so the rows are written with their real dates (the services would date every move
today); `services.implementation.sync_implementation` then confirms each status agrees with its milestones.
Dates that must stay recent (the work that is going on now) are counted back from the day of loading, as
the open cycles are.
"""

import io
from datetime import date, datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from demo.home import TARGETS, demo_key, translate_page
from pb_module import services
from pb_module.models import ImplementationPhoto, Milestone, Proposal, ResponsibleBody
from pb_module.rules.statuses import Status

BODIES = {
    "aktau-housing": {
        "kk": "Ақтау қаласының тұрғын үй-коммуналдық шаруашылығы бөлімі",
        "ru": "Отдел жилищно-коммунального хозяйства города Актау",
        "en": "Aktau city housing and utilities department",
    },
    "aktau-construction": {
        "kk": "Ақтау қаласының құрылыс бөлімі",
        "ru": "Отдел строительства города Актау",
        "en": "Aktau city construction department",
    },
    "aksu-housing": {
        "kk": "Ақсу қаласының тұрғын үй-коммуналдық шаруашылығы бөлімі",
        "ru": "Отдел жилищно-коммунального хозяйства города Аксу",
        "en": "Aksu city housing and utilities department",
    },
}
# Who answers monitoring reports for a body in the demo (username, first and last name).
OFFICIALS = {
    "aktau-housing": ("official_aktau", "Бауыржан", "Қасымов"),
    "aktau-construction": ("official_aktau", "Бауыржан", "Қасымов"),
    "aksu-housing": ("official_aksu", "Светлана", "Ким"),
}

DESIGN = {
    "kk": "Жобалау-сметалық құжаттама",
    "ru": "Проектно-сметная документация",
    "en": "Design and cost estimate",
}
TENDER = {
    "kk": "Мемлекеттік сатып алу және мердігермен шарт",
    "ru": "Госзакупки и договор с подрядчиком",
    "en": "Public procurement and the contract",
}


def _ago(days):
    """A day counted back from loading: for work that is going on now."""
    return timezone.localdate() - timedelta(days=days)


# proposal key -> milestones: (title, weight, planned start, planned end, actual start, actual end, status, percent,
# moved on, body, spent, photos [(kind, caption)])
MILESTONES = {
    "aktau-park-12": [
        (
            DESIGN,
            5,
            date(2024, 7, 1),
            date(2024, 9, 30),
            date(2024, 7, 8),
            date(2024, 9, 20),
            "done",
            100,
            date(2024, 9, 20),
            "aktau-construction",
            2_100_000,
            [],
        ),
        (
            TENDER,
            2,
            date(2024, 10, 1),
            date(2024, 12, 15),
            date(2024, 10, 14),
            date(2024, 12, 20),
            "done",
            100,
            date(2024, 12, 20),
            "aktau-construction",
            0,
            [],
        ),
        (
            {
                "kk": "Абаттандыру және жаяу жүргінші жолдары",
                "ru": "Благоустройство и пешеходные дорожки",
                "en": "Landscaping and footpaths",
            },
            60,
            date(2025, 4, 1),
            date(2025, 8, 31),
            date(2025, 4, 10),
            date(2025, 9, 15),
            "done",
            100,
            date(2025, 9, 15),
            "aktau-housing",
            33_800_000,
            [
                (
                    "before",
                    {
                        "kk": "Жұмыс басталар алдындағы бос алаң, 20 және 21-үйлердің арасы",
                        "ru": "Пустырь между домами 20 и 21 до начала работ",
                        "en": "The empty lot between blocks 20 and 21 before the work",
                    },
                ),
            ],
        ),
        (
            {
                "kk": "Орындықтар, жарықтандыру және көгалдандыру",
                "ru": "Скамейки, освещение и озеленение",
                "en": "Benches, lighting and planting",
            },
            33,
            date(2025, 8, 1),
            date(2025, 10, 15),
            date(2025, 8, 5),
            date(2025, 10, 17),
            "done",
            100,
            date(2025, 10, 17),
            "aktau-housing",
            11_900_000,
            [
                (
                    "after",
                    {
                        "kk": "Ашылғаннан кейінгі шағын саябақ",
                        "ru": "Сквер после открытия",
                        "en": "The pocket park after it opened",
                    },
                ),
            ],
        ),
    ],
    "aktau-playground-5": [
        (
            DESIGN,
            5,
            date(2024, 7, 1),
            date(2024, 9, 15),
            date(2024, 7, 3),
            date(2024, 9, 10),
            "done",
            100,
            date(2024, 9, 10),
            "aktau-construction",
            1_200_000,
            [],
        ),
        (
            TENDER,
            5,
            date(2024, 9, 16),
            date(2024, 12, 1),
            date(2024, 9, 20),
            date(2024, 12, 10),
            "done",
            100,
            date(2024, 12, 10),
            "aktau-construction",
            0,
            [],
        ),
        (
            {"kk": "Негіз және су бұру", "ru": "Основание и водоотвод", "en": "Base and drainage"},
            30,
            date(2025, 4, 1),
            date(2025, 6, 15),
            date(2025, 4, 1),
            date(2025, 6, 20),
            "done",
            100,
            date(2025, 6, 20),
            "aktau-housing",
            6_900_000,
            [
                (
                    "before",
                    {
                        "kk": "5-шағын аудандағы ескі ойын алаңы",
                        "ru": "Старая площадка в 5-м микрорайоне",
                        "en": "The old playground in the 5th microdistrict",
                    },
                ),
            ],
        ),
        (
            {
                "kk": "Резеңке жабын және инклюзивті жабдық",
                "ru": "Резиновое покрытие и инклюзивное оборудование",
                "en": "Rubber surface and inclusive equipment",
            },
            60,
            date(2025, 7, 1),
            date(2025, 9, 30),
            date(2025, 7, 14),
            None,
            "delayed",
            15,
            date(2025, 9, 2),
            "aktau-housing",
            2_300_000,
            [
                (
                    "progress",
                    {
                        "kk": "Жабын жартылай төселген, жұмыс тоқтап тұр",
                        "ru": "Покрытие уложено частично, работы стоят",
                        "en": "The surface is half laid; work has stopped",
                    },
                ),
            ],
        ),
    ],
    "aktau-lighting-14": [
        (
            DESIGN,
            5,
            date(2024, 7, 1),
            date(2024, 8, 31),
            date(2024, 7, 1),
            date(2024, 8, 28),
            "done",
            100,
            date(2024, 8, 28),
            "aktau-construction",
            900_000,
            [],
        ),
        (
            {
                "kk": "Электр желісіне қосылуға техникалық шарттар",
                "ru": "Технические условия на подключение к сети",
                "en": "Technical conditions for the grid connection",
            },
            5,
            date(2024, 9, 1),
            date(2024, 10, 31),
            date(2024, 9, 2),
            _ago(75),
            "done",
            100,
            _ago(75),
            "aktau-construction",
            0,
            [],
        ),
        (
            {
                "kk": "Тіректер мен шамдарды орнату",
                "ru": "Установка опор и светильников",
                "en": "Installing the poles and lamps",
            },
            80,
            _ago(70),
            _ago(-30),
            _ago(60),
            None,
            "in_progress",
            45,
            _ago(12),
            "aktau-housing",
            7_100_000,
            [
                (
                    "before",
                    {
                        "kk": "Кешкі жаяу жүргінші жолы, жарықсыз",
                        "ru": "Пешеходная дорожка вечером, без освещения",
                        "en": "The footpath in the evening, unlit",
                    },
                ),
                (
                    "progress",
                    {
                        "kk": "Алғашқы тіректер орнатылды",
                        "ru": "Установлены первые опоры",
                        "en": "The first poles are up",
                    },
                ),
            ],
        ),
        (
            {
                "kk": "Қосу және пайдалануға беру",
                "ru": "Подключение и ввод в эксплуатацию",
                "en": "Connection and commissioning",
            },
            10,
            _ago(-30),
            _ago(-60),
            None,
            None,
            "planned",
            0,
            None,
            "aktau-housing",
            0,
            [],
        ),
    ],
    "aksu-skatepark": [
        (
            {"kk": "Жобаны нақтылау", "ru": "Корректировка проекта", "en": "Adjusting the design"},
            5,
            date(2025, 7, 15),
            date(2025, 9, 1),
            date(2025, 7, 15),
            date(2025, 8, 29),
            "done",
            100,
            date(2025, 8, 29),
            "aksu-housing",
            700_000,
            [],
        ),
        (
            {
                "kk": "Бетон табақ пен рампалар",
                "ru": "Бетонная чаша и рампы",
                "en": "Concrete bowl and ramps",
            },
            70,
            date(2025, 9, 1),
            date(2026, 4, 30),
            date(2025, 9, 8),
            date(2026, 4, 28),
            "done",
            100,
            date(2026, 4, 28),
            "aksu-housing",
            27_000_000,
            [
                (
                    "before",
                    {
                        "kk": "Қалалық саябақтағы бос алаң",
                        "ru": "Пустая площадка в городском парке",
                        "en": "The empty site in the town park",
                    },
                ),
            ],
        ),
        (
            {
                "kk": "Қоршау, жарық және ашылу",
                "ru": "Ограждение, освещение и открытие",
                "en": "Fence, lights and opening",
            },
            25,
            date(2026, 4, 15),
            date(2026, 5, 31),
            date(2026, 4, 20),
            date(2026, 5, 30),
            "done",
            100,
            date(2026, 5, 30),
            "aksu-housing",
            10_900_000,
            [
                (
                    "after",
                    {
                        "kk": "Ашылу күніндегі скейтпарк",
                        "ru": "Скейтпарк в день открытия",
                        "en": "The skatepark on its opening day",
                    },
                ),
            ],
        ),
    ],
    "aksu-crossings": [
        (
            DESIGN,
            5,
            date(2026, 1, 15),
            date(2026, 3, 15),
            date(2026, 1, 20),
            date(2026, 3, 20),
            "done",
            100,
            date(2026, 3, 20),
            "aksu-housing",
            600_000,
            [],
        ),
        (
            {
                "kk": "Орталық көшедегі үш өткел",
                "ru": "Три перехода на центральной улице",
                "en": "Three crossings on the main street",
            },
            60,
            date(2026, 4, 1),
            date(2026, 7, 31),
            date(2026, 4, 6),
            date(2026, 7, 30),
            "done",
            100,
            date(2026, 7, 30),
            "aksu-housing",
            8_700_000,
            [
                (
                    "after",
                    {
                        "kk": "Жиектасы төмендетілген жаңа өткел",
                        "ru": "Новый переход с опущенным бордюром",
                        "en": "A new crossing with a lowered kerb",
                    },
                ),
            ],
        ),
        (
            {
                "kk": "Мектеп пен емхана жанындағы екі өткел",
                "ru": "Два перехода у школы и поликлиники",
                "en": "Two crossings by the school and the clinic",
            },
            35,
            date(2026, 8, 1),
            _ago(-45),
            date(2026, 8, 10),
            None,
            "in_progress",
            40,
            _ago(25),
            "aksu-housing",
            2_400_000,
            [],
        ),
    ],
}

# Monitoring reports: (proposal key, milestone index, by (an NGO key or a resident's shown name), rating, language,
# text, days after the milestone last moved, official answer or None, hidden reason or None)
REPORTS = [
    (
        "aktau-playground-5",
        3,
        "ngo-disability",
        "problem",
        "ru",
        "Покрытие уложено примерно на треть площадки, края не закреплены, дети спотыкаются. Работ нет уже "
        "несколько недель; пандус к площадке не начат.",
        20,
        "Договор с подрядчиком расторгнут за срыв сроков. Площадка огорожена до нового конкурса; повторный "
        "конкурс объявим до конца года.",
        None,
    ),
    (
        "aktau-lighting-14",
        2,
        "Асель Т.",
        "concern",
        "kk",
        "Тіректер орнатылды, бірақ олардың екеуі жаяу жүргінші жолының дәл ортасында тұр, арбамен өту қиын.",
        5,
        "Рахмет. Екі тіректі жолдың шетіне жылжыту мердігерге тапсырылды, желтоқсанның ортасына дейін орындалады.",
        None,
    ),
    (
        "aktau-park-12",
        3,
        "ngo-eco",
        "on_track",
        "ru",
        "Сквер открыт, все 40 деревьев из проекта высажены и поливаются; скамейки и фонари на месте.",
        12,
        None,
        None,
    ),
    (
        "aksu-skatepark",
        2,
        "Daniyar K.",
        "on_track",
        "en",
        "Went on the opening day: the bowl is smooth, the fence and lights work. Lots of kids from the whole town.",
        3,
        "Thank you. The lights stay on until 22:00 from May to September.",
        None,
    ),
    (
        "aksu-skatepark",
        1,
        "Ерлан Б.",
        "problem",
        "kk",
        "Жұмыс жетекшісінің телефон нөмірі мен аты-жөні осында жазылған еді.",
        30,
        None,
        {
            "kk": "Есепте жұмысшының жеке деректері бар еді.",
            "ru": "Отчёт содержал личные данные работника.",
            "en": "The report contained a worker's personal data.",
        },
    ),
    (
        "aksu-crossings",
        2,
        "ngo-disability",
        "concern",
        "ru",
        "У школы бордюр опущен только с одной стороны перехода; с другой стороны коляска не проходит.",
        10,
        None,
        None,
    ),
]

# Progress stories: (cycle key, slug, projects, date, title, intro, paragraphs, quote (text, attribution), photo of)
STORIES = [
    (
        "aktau-2024",
        "pocket-park-opened",
        ["aktau-park-12"],
        date(2025, 10, 20),
        {
            "kk": "12-шағын аудандағы шағын саябақ ашылды",
            "ru": "В 12-м микрорайоне открылся сквер",
            "en": "The pocket park in the 12th microdistrict is open",
        },
        {
            "kk": "Тұрғындар ұсынып, дауыс беру арқылы таңдаған саябақ жоспарланғаннан бір айға кешігіп, "
            "бірақ сметадан аспай салынды.",
            "ru": "Сквер, который предложили и выбрали жители, построен на месяц позже плана, но в пределах сметы.",
            "en": "The park residents proposed and voted for was built a month later than planned, within its "
            "estimate.",
        },
        [
            {
                "kk": "20 және 21-үйлердің арасындағы бос алаңда енді жаяу жүргінші жолдары, 12 орындық, шамдар "
                "және 40 ағаш бар. Жұмыс төрт кезеңмен жүрді: жобалау, сатып алу, абаттандыру және көгалдандыру.",
                "ru": "На пустыре между домами 20 и 21 теперь есть дорожки, 12 скамеек, фонари и 40 деревьев. "
                "Работы шли в четыре этапа: проектирование, закупки, благоустройство и озеленение.",
                "en": "The empty lot between blocks 20 and 21 now has footpaths, 12 benches, lamps and 40 trees. "
                "The work went in four stages: design, procurement, landscaping and planting.",
            },
            {
                "kk": "«Таза Ақсу» бірлестігі жұмыстың барысын бақылап, ағаштардың барлығы отырғызылғанын "
                "мониторинг есебінде растады.",
                "ru": "Объединение «Таза Аксу» следило за ходом работ и подтвердило в отчёте мониторинга, что "
                "все деревья высажены.",
                "en": "The Taza Aksu association followed the work and confirmed in a monitoring report that every "
                "tree was planted.",
            },
        ],
        (
            {
                "kk": "Бұрын мұнда шаң мен қоқыс еді. Енді балалармен кешке серуендейміз.",
                "ru": "Раньше здесь были пыль и мусор. Теперь мы гуляем здесь с детьми по вечерам.",
                "en": "It used to be dust and rubbish here. Now we walk here with the children in the evenings.",
            },
            "Наталья К.",
        ),
        "aktau-park-12",
    ),
    (
        "aktau-2024",
        "playground-stalled",
        ["aktau-playground-5", "aktau-lighting-14"],
        date(2026, 2, 10),
        {
            "kk": "Ақтаудағы екі жоба неге тоқтап қалды",
            "ru": "Почему в Актау приостановились два проекта",
            "en": "Why two projects in Aktau stalled",
        },
        {
            "kk": "Инклюзивті ойын алаңының құрылысы мердігердің кесірінен тоқтап тұр; жаяу жүргінші жолын "
            "жарықтандыру жұмысы техникалық шарттар алынғаннан кейін қайта басталды.",
            "ru": "Стройка инклюзивной площадки стоит по вине подрядчика; работы по освещению дорожки возобновились "
            "после получения технических условий.",
            "en": "The inclusive playground is stuck because of the contractor; the footpath lighting resumed "
            "once the technical conditions arrived.",
        },
        [
            {
                "kk": "Ойын алаңының резеңке жабыны 15 пайызға ғана төселді. Әкімдік шартты бұзып, жаңа конкурс "
                "жариялады. «Мейірім» қауымдастығы мониторинг есебінде алаңның қауіпті екенін жазды.",
                "ru": "Резиновое покрытие площадки уложено лишь на 15 процентов. Акимат расторг договор и объявил "
                "новый конкурс. Ассоциация «Мейірім» написала в отчёте мониторинга, что площадка опасна.",
                "en": "Only 15 per cent of the playground's rubber surface was laid. The akimat terminated the "
                "contract and announced a new tender. The Meyirim association reported that the site is unsafe.",
            },
        ],
        (
            {
                "kk": "Алаң жаңа конкурсқа дейін қоршалды, бұл жұмыс біздің бақылауымызда.",
                "ru": "Площадка огорожена до нового конкурса, эта работа у нас на контроле.",
                "en": "The site is fenced off until the new tender; we are keeping this work under control.",
            },
            "Бауыржан Қасымов",
        ),
        "aktau-playground-5",
    ),
    (
        "aksu-2025",
        "skatepark-first-summer",
        ["aksu-skatepark", "aksu-crossings"],
        date(2026, 9, 1),
        {
            "kk": "Ақсу скейтпаркінің алғашқы жазы",
            "ru": "Первое лето скейтпарка в Аксу",
            "en": "The Aksu skatepark's first summer",
        },
        {
            "kk": "Жастар ұсынған скейтпарк мамырда ашылды; орталықтағы жаяу жүргінші өткелдеріндегі жұмыс та "
            "жалғасуда.",
            "ru": "Скейтпарк, предложенный молодёжью, открылся в мае; работы на переходах в центре тоже продолжаются.",
            "en": "The skatepark young people proposed opened in May; work on the crossings in the centre is going "
            "on too.",
        },
        [
            {
                "kk": "Скейтпарк сметадан 2,4 миллион теңге арзанға түсті. Кешкі жарық мамырдан қыркүйекке "
                "дейін сағат 22:00-ге дейін жанады.",
                "ru": "Скейтпарк обошёлся на 2,4 миллиона тенге дешевле сметы. Вечернее освещение работает "
                "с мая по сентябрь до 22:00.",
                "en": "The skatepark cost 2.4 million tenge less than estimated. The evening lights stay on until "
                "22:00 from May to September.",
            },
        ],
        (
            {
                "kk": "Бұрын қала сыртына баратынбыз, енді үйдің қасында жаттығамыз.",
                "ru": "Раньше мы ездили за город, теперь катаемся рядом с домом.",
                "en": "We used to go out of town; now we skate next to home.",
            },
            "Тимур Е.",
        ),
        "aksu-crossings",
    ),
]

PALETTE = {"before": (176, 160, 134), "progress": (150, 150, 150), "after": (96, 160, 96)}


def _picture(kind: str, seed: int) -> bytes:
    """A drawn JPEG: the demo needs a picture of the right kind, not a photograph."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    canvas = PILImage.new("RGB", (960, 540), PALETTE[kind])
    draw = ImageDraw.Draw(canvas)
    draw.rectangle([0, 0, 960, 220], fill=(150, 200, 235))  # sky
    for i in range(5):
        x = 60 + i * 190 + (seed * 37) % 40
        if kind == "after":
            draw.ellipse([x, 250, x + 110, 360], fill=(40, 120, 50))  # trees
            draw.rectangle([x + 50, 360, x + 60, 420], fill=(90, 60, 30))
        elif kind == "progress":
            draw.rectangle([x, 300 - (i % 2) * 40, x + 12, 460], fill=(70, 70, 70))  # poles and fences
        else:
            draw.line([x, 470, x + 120, 430 + (i % 3) * 10], fill=(120, 100, 80), width=6)  # ruts in the sand
    out = io.BytesIO()
    canvas.save(out, "JPEG", quality=80)
    return out.getvalue()


def _bodies():
    made = {}
    for key, names in BODIES.items():
        body = ResponsibleBody.objects.filter(name_en=names["en"]).first() or ResponsibleBody.objects.create(
            **{f"name_{code}": name for code, name in names.items()}
        )
        made[key] = body
    return made


def load_implementation_demo(make_user, moderator) -> dict:
    """Milestones, photos and monitoring reports of the demo's funded proposals; `make_user(username, group,
    first, last)`."""
    from pb_module import roles

    bodies = _bodies()
    for key, (username, first, last) in OFFICIALS.items():
        bodies[key].members.add(make_user(username, roles.RESPONSIBLE_BODIES, first, last))
    for key, specs in MILESTONES.items():
        proposal = Proposal.objects.filter(external_id=f"demo:{key}").first()
        if proposal is None or proposal.milestones.exists():
            continue
        for order, spec in enumerate(specs):
            title, weight, p_start, p_end, a_start, a_end, status, percent, moved, body, spent, photos = spec
            milestone = Milestone.objects.create(
                proposal=proposal,
                order=order,
                weight=weight,
                planned_start=p_start,
                planned_end=p_end,
                actual_start=a_start,
                actual_end=a_end,
                status=status,
                percent=percent,
                moved_on=moved,
                responsible_body=bodies[body],
                spent=spent,
                **{f"title_{code}": text for code, text in title.items()},
            )
            for n, (kind, caption) in enumerate(photos):
                upload = SimpleUploadedFile(f"{key}-{order}-{n}.jpg", _picture(kind, order + n), "image/jpeg")
                services.implementation.store_photo(
                    proposal=proposal,
                    upload=upload,
                    kind=ImplementationPhoto.Kind(kind),
                    milestone=milestone,
                    caption=caption,
                    taken_on=(a_start or p_start) if kind == "before" else (a_end or moved or a_start),
                )
        _date_log(proposal)
        # The statuses the demo gave these proposals must be what their milestones say.
        services.implementation.sync_implementation(proposal)
    _reports(make_user, moderator)
    _stories()
    return {"bodies": bodies}


def _story_body(spec, lang, milestones_of):
    _cycle, slug, _projects, _day, _title, _intro, paragraphs, (quote, attribution), _photo = spec
    blocks = [("paragraph", f"<p>{text[lang]}</p>") for text in paragraphs]
    blocks.append(("quote", {"text": quote[lang], "attribution": attribution}))
    blocks.append(("milestones", {"heading": "", "proposal": milestones_of.pk}))
    return [
        {"type": kind, "value": value, "id": str(demo_key("story", slug, n))} for n, (kind, value) in enumerate(blocks)
    ]


def _stories():
    """Progress stories in kk, made into ru and en through wagtail-localize like every demo page."""
    from pb_module.models import PBCyclePage, ProgressStoryPage

    for spec in STORIES:
        cycle_key, slug, project_keys, day, title, intro, _paragraphs, _quote, milestones_key = spec
        cycle = PBCyclePage.objects.filter(slug=cycle_key, locale__language_code="kk").first()
        projects = list(Proposal.objects.filter(external_id__in=[f"demo:{k}" for k in project_keys]))
        if cycle is None or len(projects) != len(project_keys) or ProgressStoryPage.objects.filter(slug=slug).exists():
            continue
        milestones_of = Proposal.objects.get(external_id=f"demo:{milestones_key}")
        photo = milestones_of.photos.order_by("-kind", "pk").first()  # an "after" or "progress" one when there is

        def fields(lang, spec=spec, milestones_of=milestones_of):
            return {"title": spec[4][lang], "intro": spec[5][lang], "body": _story_body(spec, lang, milestones_of)}

        page = ProgressStoryPage(slug=slug, date=day, image=photo.image if photo else None, **fields("kk"))
        page.projects = projects
        cycle.add_child(instance=page)
        page.save_revision().publish()
        translate_page(ProgressStoryPage.objects.get(pk=page.pk), ProgressStoryPage, fields, TARGETS)


def _reports(make_user, moderator):
    """Reports by the demo NGOs and by verified residents (known by the hash of a made-up IIN), some answered by
    the responsible body, one hidden by the moderator with its public reason."""
    from demo import pb_content as C
    from pb_module import roles, services
    from pb_module.rules.iin import make_iin

    ngos = {n["key"]: n for n in C.NGOS}
    for n, (key, index, by, rating, language, text, after, answer, hidden) in enumerate(REPORTS):
        proposal = Proposal.objects.filter(external_id=f"demo:{key}").first()
        if proposal is None or proposal.reports.filter(body=text).exists():
            continue
        milestone = list(proposal.milestones.all())[index]
        if by in ngos:
            spec = ngos[by]
            user = make_user(spec["username"], roles.NGO_REPRESENTATIVES, spec["first_name"], spec["last_name"])
            made = dict(user=user, organisation=spec["organisation"][language])
        else:
            iin = make_iin(date(1985 + n, 4, 1 + n), "female" if n % 2 else "male", 300 + n)
            made = dict(
                citizen=services.voting.VoterIdentity(
                    services.voting.voter_hash(iin), "35-44", "", proposal.district_id
                ),
                author_name=by,
            )
        report = services.monitoring.file_report(
            proposal=proposal, milestone=milestone, rating=rating, body=text, language=language, **made
        )
        filed = timezone.make_aware(datetime.combine(milestone.moved_on + timedelta(days=after), time(18)))
        filed = min(filed, timezone.now() - timedelta(hours=2))
        type(report).objects.filter(pk=report.pk).update(created_at=filed)
        if answer:
            official = milestone.responsible_body.members.first()
            report = services.monitoring.answer_report(report=report, user=official, answer=answer, language=language)
            type(report).objects.filter(pk=report.pk).update(answered_at=filed + timedelta(days=2))
        if hidden:
            # In Kazakh only: the Russian and English pages show it marked "(in Kazakh)".
            report = services.monitoring.hide_report(
                report=report, user=moderator, reason_kk=hidden["kk"], language="kk"
            )
            type(report).objects.filter(pk=report.pk).update(hidden_at=filed + timedelta(hours=5))


def _date_log(proposal):
    """Date the log's implementation entries by the milestones: completed when the last one ended, stalled the
    day after the longest silence grew longer than the cycle allows, back in implementation at the next move."""
    stalled_after = proposal.cycle.specific.stalled_after_days
    moves = sorted(m.moved_on for m in proposal.milestones.all() if m.moved_on)
    if not moves:
        return
    log = proposal.status_changes.all()

    def at(day):
        return timezone.make_aware(datetime.combine(day, time(11)))

    log.filter(to_status=Status.COMPLETED).update(changed_at=at(moves[-1]))
    silences = [(b - a, a) for a, b in zip(moves, [*moves[1:], timezone.localdate()], strict=True)]
    stalled_on = max(silences)[1] + timedelta(days=stalled_after + 1)
    if log.filter(to_status=Status.STALLED).update(changed_at=at(stalled_on)):
        resumed = next((day for day in moves if day > stalled_on), None)
        if resumed:
            log.filter(to_status=Status.IN_IMPLEMENTATION, from_status=Status.STALLED).update(changed_at=at(resumed))
