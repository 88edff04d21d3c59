"""The demo's public meetings: two that took place, with minutes (Aktau before its 2024 vote, Aksu in its 2025
discussion phase), and one coming up in Almaty's Bostandyq District; and the meetings section that lists them.

Texts are {"kk", "ru", "en"}; times are Asia/Almaty. The Almaty meeting is dated from the day the demo is loaded,
so it is always ahead.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from demo.home import SOURCE, TARGETS, demo_document, demo_image, translate_page, upsert_child
from pb_module.models import (
    MeetingDocument,
    MeetingIndexPage,
    MeetingPage,
    MeetingPhoto,
    MeetingProposal,
    Proposal,
)

ALMATY = ZoneInfo("Asia/Almaty")
TEXTS = ("title", "address", "agenda", "accessibility", "minutes")

INDEX = {
    "slug": "meetings",
    "title": {"kk": "Кездесулер", "ru": "Встречи", "en": "Meetings"},
    "intro": {
        "kk": "Тұрғындармен кездесулер, қоғамдық кеңестердің отырыстары мен сараптама кеңестері: алдағы және өткен.",
        "ru": "Встречи с жителями, заседания общественных советов и экспертных советов: предстоящие и прошедшие.",
        "en": "Meetings with residents, public council sessions and expert councils: upcoming and past.",
    },
}

MEETINGS = [
    {
        "cycle": "aktau-2024",
        "slug": "residents-meeting-mkr-12",
        "kind": "residents",
        "starts": (datetime(2024, 3, 2), time(11, 0)),
        "hours": 2,
        "capacity": 80,
        "attendance": 57,
        "proposals": [("aktau-park-12", "supported"), ("aktau-benches-12", "merged")],
        "title": {
            "kk": "12-шағын аудан тұрғындарымен кездесу",
            "ru": "Встреча с жителями 12-го микрорайона",
            "en": "Meeting with residents of the 12th Microdistrict",
        },
        "address": {
            "kk": "Ақтау, 12-шағын аудан, № 21 мектеп, акт залы",
            "ru": "Актау, 12-й микрорайон, школа № 21, актовый зал",
            "en": "Aktau, 12th Microdistrict, School No 21, assembly hall",
        },
        "agenda": {
            "kk": "<p>Аулалар мен скверге арналған ұсыныстарды дауыс беруге дейін талқылау; ұқсас ұсыныстарды "
            "біріктіру.</p>",
            "ru": "<p>Обсуждение предложений по дворам и скверу до голосования; объединение похожих предложений.</p>",
            "en": "<p>Talking over the proposals for the courtyards and the park before the vote; merging similar "
            "ones.</p>",
        },
        "accessibility": {
            "kk": "Кіреберісте пандус бар. Балаларға арналған бұрыш жұмыс істейді.",
            "ru": "У входа есть пандус. Работает детский уголок.",
            "en": "There is a ramp at the entrance. A children's corner is open.",
        },
        "minutes": {
            "kk": "<p>Тұрғындар 12-шағын аудандағы сквер жобасын қолдады. Орындықтар туралы ұсыныс сквер жобасымен "
            "біріктірілетін болды: авторлар келісті. Келесі кездесу — дауыс беру нәтижелерінен кейін.</p>",
            "ru": "<p>Жители поддержали проект сквера в 12-м микрорайоне. Предложение о скамейках решено объединить "
            "с проектом сквера: авторы согласились. Следующая встреча — после итогов голосования.</p>",
            "en": "<p>Residents supported the park project in the 12th Microdistrict. The proposal for benches is to "
            "be merged with the park project: its authors agreed. The next meeting comes after the results of the "
            "vote.</p>",
        },
    },
    {
        "cycle": "aksu-2025",
        "slug": "expert-council-open-session",
        "kind": "experts",
        "starts": (datetime(2025, 4, 15), time(15, 0)),
        "hours": 3,
        "capacity": None,
        "attendance": 34,
        "proposals": [("aksu-skatepark", "supported"), ("aksu-dog-park", "revised")],
        "title": {
            "kk": "Сараптама кеңесінің ашық отырысы: Ақсу жобалары",
            "ru": "Открытое заседание экспертного совета: проекты Аксу",
            "en": "Open session of the expert council: Aksu projects",
        },
        "address": {
            "kk": "Ақсу, Ақсу қаласының жобалық орталығы",
            "ru": "Аксу, проектный центр города Аксу",
            "en": "Aksu, the project centre of the town of Aksu",
        },
        "agenda": {
            "kk": "<p>Сарапшылар ұсыныстардың құнын және ережелерге сәйкестігін авторлармен бірге қарайды.</p>",
            "ru": "<p>Эксперты вместе с авторами рассматривают стоимость предложений и их соответствие правилам.</p>",
            "en": "<p>The experts go through the cost of the proposals and their compliance with the rules, with "
            "their authors.</p>",
        },
        "accessibility": {
            "kk": "Бірінші қабат, баспалдақсыз кіру.",
            "ru": "Первый этаж, вход без ступеней.",
            "en": "Ground floor, step-free entrance.",
        },
        "minutes": {
            "kk": "<p>Скейтпарк жобасы ережелерге сай деп танылды. Иттерге арналған алаң жобасы авторға қайтарылды: "
            "орынды тұрғын үйлерден алыс таңдау керек.</p>",
            "ru": "<p>Проект скейтпарка признан соответствующим правилам. Проект площадки для собак возвращён автору: "
            "нужно выбрать место дальше от жилых домов.</p>",
            "en": "<p>The skate park project was found compliant. The dog park project went back to its author: a "
            "place further from the houses is needed.</p>",
        },
    },
    {
        "cycle": "almaty-bostandyq-2027",
        "slug": "residents-meeting-bostandyq",
        "kind": "residents",
        "starts": None,  # 20 days after the demo is loaded, 18:30
        "hours": 2,
        "capacity": 60,
        "attendance": None,
        "proposals": [("bostandyq-timiryazev-cycle-lane", ""), ("bostandyq-orbita-fountains", "")],
        "title": {
            "kk": "Бостандық ауданы тұрғындарымен кездесу",
            "ru": "Встреча с жителями Бостандыкского района",
            "en": "Meeting with residents of Bostandyq District",
        },
        "address": {
            "kk": "Алматы, Бостандық ауданы, қоғамдық орталық, Тимирязев көшесі, 42",
            "ru": "Алматы, Бостандыкский район, общественный центр, улица Тимирязева, 42",
            "en": "Almaty, Bostandyq District, public centre, 42 Timiryazev Street",
        },
        "agenda": {
            "kk": "<p>Ұсыныс жинау кезеңіндегі идеяларды талқылау: веложол мен субұрқақтар. Авторлар өз "
            "ұсыныстарын таныстырады.</p>",
            "ru": "<p>Обсуждение идей этапа сбора предложений: велодорожка и фонтаны. Авторы представят свои "
            "предложения.</p>",
            "en": "<p>Talking over the ideas of the collection phase: the cycle lane and the fountains. Their authors "
            "present their proposals.</p>",
        },
        "accessibility": {
            "kk": "Пандус пен лифт бар. Ым тілі аудармашысы болады.",
            "ru": "Есть пандус и лифт. Будет переводчик жестового языка.",
            "en": "There is a ramp and a lift. A sign language interpreter will be there.",
        },
        "minutes": {"kk": "", "ru": "", "en": ""},
    },
]


# What the organisers published after the two past meetings besides the minutes' text: the minutes as a document,
# another document and a photo, each labelled in every language (the files are demo copies; their titles, seen
# only in the admin, are in Kazakh like the demo's editors' admin; the PDFs hold plain ASCII lines).
RECORDS = {
    "residents-meeting-mkr-12": {
        "minutes": (
            "Хаттама: 12-шағын аудан тұрғындарымен кездесу, Ақтау, 2024 жылғы 2 наурыз",
            "aktau-2024-03-02-minutes.pdf",
            [
                "Minutes of the meeting with residents of the 12th Microdistrict, Aktau, 2 March 2024.",
                "57 people came. Demo copy for the Qatysu portal.",
            ],
        ),
        "documents": [
            (
                "12-шағын аудан ұсыныстары, Ақтау, 2024 жылғы 2 наурыз",
                "aktau-2024-03-02-proposals.pdf",
                [
                    "The proposals discussed: a park between blocks 20 and 21; benches next to block 20.",
                    "Demo copy for the Qatysu portal.",
                ],
                {
                    "kk": "Талқыланған ұсыныстар тізімі",
                    "ru": "Список обсуждённых предложений",
                    "en": "List of the proposals discussed",
                },
            )
        ],
        "photo": (
            "Тұрғындармен кездесу, Ақтау, 2024 жылғы 2 наурыз",
            (0, 88, 122),
            {
                "kk": "Тұрғындар ұсыныстарды талқылап жатыр",
                "ru": "Жители обсуждают предложения",
                "en": "Residents talking over the proposals",
            },
        ),
    },
    "expert-council-open-session": {
        "minutes": (
            "Хаттама: сараптамалық кеңестің ашық отырысы, Ақсу, 2025",
            "aksu-2025-expert-council-minutes.pdf",
            ["Minutes of the open session of the expert council, Aksu, 2025.", "Demo copy for the Qatysu portal."],
        ),
        "documents": [
            (
                "Ұсыныстар құнын тексеру, Ақсу, 2025",
                "aksu-2025-cost-checks.pdf",
                ["The experts' checks of the costs of the proposals, Aksu 2025.", "Demo copy for the Qatysu portal."],
                {
                    "kk": "Ұсыныстар құнын тексеру нәтижелері",
                    "ru": "Результаты проверки стоимости предложений",
                    "en": "Results of the cost checks",
                },
            )
        ],
        "photo": None,
    },
}


def _children(records: dict | None, lang: str) -> dict:
    """The page's other documents and photo, labelled in `lang` (wagtail-localize translates them with the page)."""
    if not records:
        return {"documents": [], "photos": []}
    documents = [
        MeetingDocument(document=demo_document(title, name, lines), label=labels[lang], sort_order=n)
        for n, (title, name, lines, labels) in enumerate(records["documents"])
    ]
    photo = records["photo"]
    photos = [MeetingPhoto(image=demo_image(photo[0], photo[1]), caption=photo[2][lang], sort_order=0)] if photo else []
    return {"documents": documents, "photos": photos}


def _starts(spec) -> datetime:
    if spec["starts"] is None:
        day = timezone.localdate() + timedelta(days=20)
        return datetime.combine(day, time(18, 30), tzinfo=ALMATY)
    day, at = spec["starts"]
    return datetime.combine(day.date(), at, tzinfo=ALMATY)


def load_meetings_demo(home, cycles: dict) -> dict:
    """The meetings section under `home` and the three meetings under their cycles, in kk/ru/en."""
    index = upsert_child(
        home,
        MeetingIndexPage,
        INDEX["slug"],
        {"title": INDEX["title"][SOURCE], "intro": INDEX["intro"][SOURCE], "show_in_menus": True},
    )
    translate_page(
        index, MeetingIndexPage, lambda lang: {"title": INDEX["title"][lang], "intro": INDEX["intro"][lang]}, TARGETS
    )
    made = {}
    for spec in MEETINGS:
        cycle = cycles[spec["cycle"]]
        starts = _starts(spec)
        records = RECORDS.get(spec["slug"])
        page = upsert_child(
            cycle,
            MeetingPage,
            spec["slug"],
            {
                **{name: spec[name][SOURCE] for name in TEXTS},
                "kind": spec["kind"],
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=spec["hours"]),
                "territory": cycle.territory,
                "capacity": spec["capacity"],
                "attendance": spec["attendance"],
                "minutes_document": demo_document(*records["minutes"]) if records else None,
                **_children(records, SOURCE),
            },
        )
        page.discussed.all().delete()
        for key, outcome in spec["proposals"]:
            proposal = Proposal.objects.get(external_id=f"demo:{key}")
            page.discussed.add(MeetingProposal(proposal=proposal, outcome=outcome))
        page.save_revision().publish()
        translate_page(
            page,
            MeetingPage,
            lambda lang, s=spec, place=cycle.territory, r=records: {
                **{n: s[n][lang] for n in TEXTS},
                "territory": place,
                **_children(r, lang),
            },
            TARGETS,
        )
        made[spec["slug"]] = page
    return {"index": index, "meetings": made}
