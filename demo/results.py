"""Demo results of the two past cycles: the full ballot and the voters' anonymised ballots.

Aktau 2024 and Aksu 2025 reproduce the seed paper's figures with real rows in the database:

* Aktau: 53 projects on the ballot, at most 331 votes for one; by votes 0-10: 39, 11-50: 11,
  51-100: 0, over 100: 3;
* Aksu: 22 projects on the ballot, at most 128 votes; 0-10: 1, 11-50: 3, 51-100: 11, over 100: 7.

The hand-written proposals of `demo_content` keep their stories; the rest of each ballot is made
here from small templates (kind of works x microdistrict or village), in kk with ru and en
translations, and stays "on the ballot". Vote targets and costs are chosen so that the cycle's own
tally rule gives the winners the hand-written proposals claim (see GENERATED). Ballots are drawn
with a seeded generator, so every load gives the same ballots, and are made only when the cycle has
none; proposals are matched by external_id, so running it again adds nothing.
"""

import hashlib
import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from demo.home import TARGETS, translate_page
from demo.pb_content import PROPOSALS
from pb_module import roles, services
from pb_module.models import Ballot, BallotItem, ExpertReview, Proposal, ProposalPage
from pb_module.rules.phases import Phase

# Where a generated proposal is: the attributive form of the place in kk ("...-дағы"), "in ..." in ru and en.
PLACES = {
    "aktau-mkr-5": {"kk": "5-шағын аудандағы", "ru": "в 5-м микрорайоне", "en": "in the 5th microdistrict"},
    "aktau-mkr-12": {"kk": "12-шағын аудандағы", "ru": "в 12-м микрорайоне", "en": "in the 12th microdistrict"},
    "aktau-mkr-14": {"kk": "14-шағын аудандағы", "ru": "в 14-м микрорайоне", "en": "in the 14th microdistrict"},
    "aktau-mkr-27": {"kk": "27-шағын аудандағы", "ru": "в 27-м микрорайоне", "en": "in the 27th microdistrict"},
    "aksu-centre": {"kk": "Ақсу қаласының орталығындағы", "ru": "в центре Аксу", "en": "in Aksu town centre"},
    "aksu-kalkaman": {"kk": "Қалқаман ауылындағы", "ru": "в селе Калкаман", "en": "in Kalkaman village"},
    "aksu-evgenievka": {"kk": "Евгеньевка ауылындағы", "ru": "в селе Евгеньевка", "en": "in Evgenievka village"},
}

# Kinds of works: a title (kk: after the place; ru, en: before it), a summary and a reason, none naming the place.
KINDS = {
    "yard-roads": {
        "title": {
            "kk": "аула жолдарын жөндеу",
            "ru": "Ремонт дворовых проездов",
            "en": "Repair of courtyard driveways",
        },
        "summary": {
            "kk": "Тозған асфальтты ауыстырып, үйлерге кіреберіс жолдар мен тротуарларды жөндеуді ұсынамыз.",
            "ru": "Предлагаем заменить разбитый асфальт и отремонтировать подъезды к домам и тротуары.",
            "en": "We propose replacing the broken asphalt and repairing the driveways and pavements by the blocks.",
        },
        "why": {
            "kk": "Жаңбырдан кейін аулаларда шалшық тұрып, көліктерге де, жаяу жүргіншілерге де кедергі болады.",
            "ru": "После дождя во дворах стоят лужи, которые мешают и машинам, и пешеходам.",
            "en": "After rain, puddles stand in the courtyards and get in the way of cars and pedestrians alike.",
        },
    },
    "village-streets": {
        "title": {"kk": "көшелерді жөндеу", "ru": "Ремонт улиц", "en": "Street repairs"},
        "summary": {
            "kk": "Ауылдың негізгі көшелеріне қиыршық тас төсеп, жол бойына су ағатын арықтар қазуды ұсынамыз.",
            "ru": "Предлагаем отсыпать щебнем основные улицы села и прокопать вдоль них водоотводные канавы.",
            "en": "We propose surfacing the main village streets with crushed stone and digging drainage ditches "
            "along them.",
        },
        "why": {
            "kk": "Көктемде және күзде көшелер батпаққа айналып, мектеп автобусы әрең өтеді.",
            "ru": "Весной и осенью улицы превращаются в грязь, и школьный автобус едва проезжает.",
            "en": "In spring and autumn the streets turn to mud and the school bus can barely get through.",
        },
    },
    "lighting": {
        "title": {"kk": "көшелерді жарықтандыру", "ru": "Освещение улиц", "en": "Street lighting"},
        "summary": {
            "kk": "Көшелер мен жаяу жүргіншілер жолдарының бойына үнемді жарықдиодты шамдар орнатуды ұсынамыз.",
            "ru": "Предлагаем установить энергосберегающие светодиодные фонари вдоль улиц и пешеходных дорожек.",
            "en": "We propose installing energy-saving LED lamps along the streets and footpaths.",
        },
        "why": {
            "kk": "Кешкі уақытта көшелер қараңғы, тұрғындар үйге қайтқанда қауіптенеді.",
            "ru": "По вечерам на улицах темно, и жителям страшно возвращаться домой.",
            "en": "The streets are dark in the evenings, and residents feel unsafe walking home.",
        },
    },
    "playground": {
        "title": {"kk": "балалар ойын алаңы", "ru": "Детская игровая площадка", "en": "Children's playground"},
        "summary": {
            "kk": "Жұмсақ жабыны мен көлеңкелі шатыры бар заманауи балалар ойын алаңын салуды ұсынамыз.",
            "ru": "Предлагаем построить современную детскую площадку с мягким покрытием и теневым навесом.",
            "en": "We propose a modern playground with a soft surface and a shade canopy.",
        },
        "why": {
            "kk": "Ескі әткеншектер тот басып, балаларға қауіпті болып қалды.",
            "ru": "Старые качели проржавели и стали опасны для детей.",
            "en": "The old swings have rusted and become dangerous for children.",
        },
    },
    "football": {
        "title": {"kk": "мини-футбол алаңы", "ru": "Мини-футбольное поле", "en": "Five-a-side football pitch"},
        "summary": {
            "kk": "Жасанды шөп төселген, қоршауы мен жарығы бар мини-футбол алаңын салуды ұсынамыз.",
            "ru": "Предлагаем построить мини-футбольное поле с искусственным газоном, ограждением и освещением.",
            "en": "We propose a five-a-side pitch with artificial turf, fencing and floodlights.",
        },
        "why": {
            "kk": "Балалар мен жасөспірімдер қазір жол жиегінде доп ойнайды.",
            "ru": "Сейчас дети и подростки играют в мяч у проезжей части.",
            "en": "Children and teenagers now play ball by the roadside.",
        },
    },
    "greening": {
        "title": {
            "kk": "ағаш отырғызу және тамшылатып суару",
            "ru": "Озеленение и капельный полив",
            "en": "Tree planting and drip irrigation",
        },
        "summary": {
            "kk": "Құрғақшылыққа төзімді ағаштар мен бұталар отырғызып, тамшылатып суару жүйесін тартуды ұсынамыз.",
            "ru": "Предлагаем высадить засухоустойчивые деревья и кустарники и провести капельный полив.",
            "en": "We propose planting drought-tolerant trees and shrubs and laying drip irrigation.",
        },
        "why": {
            "kk": "Жазғы аптапта көлеңке жоқ, ал суарусыз көшеттер қурап қалады.",
            "ru": "В летнюю жару негде укрыться в тени, а саженцы без полива засыхают.",
            "en": "There is no shade in the summer heat, and saplings dry out without watering.",
        },
    },
    "benches": {
        "title": {"kk": "орындықтар мен қоқыс жәшіктері", "ru": "Скамейки и урны", "en": "Benches and litter bins"},
        "summary": {
            "kk": "Көшелерге және аялдамалардың жанына арқалықты орындықтар мен қоқыс жәшіктерін қоюды ұсынамыз.",
            "ru": "Предлагаем поставить скамейки со спинками и урны вдоль улиц и у остановок.",
            "en": "We propose benches with backrests and litter bins along the streets and by the bus stops.",
        },
        "why": {
            "kk": "Қарт тұрғындарға дүкенге не емханаға барар жолда демалатын орын жоқ.",
            "ru": "Пожилым жителям негде присесть по дороге в магазин или поликлинику.",
            "en": "Older residents have nowhere to sit down on the way to the shop or the clinic.",
        },
    },
    "shelters": {
        "title": {"kk": "жабық аялдамалар", "ru": "Крытые остановки", "en": "Covered bus stops"},
        "summary": {
            "kk": "Күн мен желден қорғайтын, орындықтары мен жарығы бар аялдама павильондарын орнатуды ұсынамыз.",
            "ru": "Предлагаем установить остановочные павильоны со скамейками и освещением, защищающие от солнца "
            "и ветра.",
            "en": "We propose bus shelters with benches and lighting that protect from sun and wind.",
        },
        "why": {
            "kk": "Қазір адамдар автобусты аптапта да, желде де ашық жерде күтеді.",
            "ru": "Сейчас люди ждут автобус под открытым небом — и в жару, и в ветер.",
            "en": "People now wait for the bus in the open, in the heat and in the wind.",
        },
    },
    "step-free": {
        "title": {
            "kk": "кедергісіз жаяу жүргіншілер жолдары",
            "ru": "Безбарьерные пешеходные пути",
            "en": "Step-free footpaths",
        },
        "summary": {
            "kk": "Жиектастарды төмендетіп, пандустар мен нашар көретін адамдарға арналған тактильді тақтатастар "
            "орнатуды ұсынамыз.",
            "ru": "Предлагаем понизить бордюры, установить пандусы и тактильную плитку для слабовидящих.",
            "en": "We propose lowering kerbs and adding ramps and tactile paving for visually impaired people.",
        },
        "why": {
            "kk": "Мүгедектігі бар адамдар мен балалар арбасын итеріп жүрген ата-аналар биік жиектастардан "
            "өте алмайды.",
            "ru": "Люди с инвалидностью и родители с колясками не могут преодолеть высокие бордюры.",
            "en": "Wheelchair users and parents with prams cannot get over the high kerbs.",
        },
    },
    "parking": {
        "title": {"kk": "аула автотұрағы", "ru": "Дворовая парковка", "en": "Courtyard car park"},
        "summary": {
            "kk": "Көгалдарды бұзбау үшін үйлердің жанынан белгіленген автотұрақ салуды ұсынамыз.",
            "ru": "Предлагаем обустроить у домов размеченную парковку, чтобы машины не ставили на газонах.",
            "en": "We propose a marked car park by the blocks so that cars are no longer left on the lawns.",
        },
        "why": {
            "kk": "Көгалдарда тұрған көліктер өрт сөндіру көлігінің жолын бөгейді.",
            "ru": "Машины на газонах перекрывают проезд пожарным.",
            "en": "Cars parked on the lawns block the way for fire engines.",
        },
    },
    "sports-ground": {
        "title": {"kk": "спорт алаңы", "ru": "Спортивная площадка", "en": "Sports ground"},
        "summary": {
            "kk": "Көшедегі тренажерлері, турниктері мен жүгіру жолы бар спорт алаңын салуды ұсынамыз.",
            "ru": "Предлагаем спортивную площадку с уличными тренажёрами, турниками и беговой дорожкой.",
            "en": "We propose a sports ground with outdoor exercise machines, pull-up bars and a running track.",
        },
        "why": {
            "kk": "Тұрғындар тегін жаттығатын жер сұрайды, ал ең жақын спорт кешені алыс.",
            "ru": "Жители просят место для бесплатных занятий, а ближайший спорткомплекс далеко.",
            "en": "Residents want a place to exercise for free, and the nearest sports centre is far away.",
        },
    },
    "fountains": {
        "title": {"kk": "ауыз су бұрқақтары", "ru": "Питьевые фонтанчики", "en": "Drinking fountains"},
        "summary": {
            "kk": "Саябақтар мен балалар алаңдарының жанына сүзгісі бар ауыз су бұрқақтарын орнатуды ұсынамыз.",
            "ru": "Предлагаем установить питьевые фонтанчики с фильтрами у скверов и детских площадок.",
            "en": "We propose drinking fountains with filters by the parks and playgrounds.",
        },
        "why": {
            "kk": "Жазда ауа температурасы 40 градустан асады, ал серуендеп жүргенде су ішетін жер жоқ.",
            "ru": "Летом температура поднимается выше 40 градусов, а попить воды на прогулке негде.",
            "en": "In summer the temperature goes above 40 degrees, and there is nowhere to get a drink on a walk.",
        },
    },
    "drainage": {
        "title": {"kk": "жаңбыр суын ағызу жүйесі", "ru": "Ливнёвая канализация", "en": "Storm drainage"},
        "summary": {
            "kk": "Су жиналатын көшелерге науалар төсеп, су қабылдағыш құдықтар орнатуды ұсынамыз.",
            "ru": "Предлагаем проложить водоотводные лотки и установить дождеприёмники на улицах, где "
            "скапливается вода.",
            "en": "We propose gutters and storm drains in the streets where water collects.",
        },
        "why": {
            "kk": "Нөсерден кейін көшелер бірнеше күн бойы су астында қалады.",
            "ru": "После ливня улицы по несколько дней стоят под водой.",
            "en": "After a downpour the streets stay under water for days.",
        },
    },
    "crossings": {
        "title": {"kk": "жаяу жүргіншілер өткелдері", "ru": "Пешеходные переходы", "en": "Pedestrian crossings"},
        "summary": {
            "kk": "Мектеп пен балабақшаның жанындағы өткелдерді жарықтандырып, жасанды кедір-бұдырлар салуды ұсынамыз.",
            "ru": "Предлагаем осветить переходы у школы и детского сада и сделать искусственные неровности.",
            "en": "We propose lighting the crossings near the school and the kindergarten and adding speed humps.",
        },
        "why": {
            "kk": "Жүргізушілер мектептің жанында жылдамдықты азайтпайды.",
            "ru": "Водители не снижают скорость возле школы.",
            "en": "Drivers do not slow down near the school.",
        },
    },
    "dog-area": {
        "title": {"kk": "ит серуендететін алаң", "ru": "Площадка для выгула собак", "en": "Dog-walking area"},
        "summary": {
            "kk": "Қоршалған, жаттығу құралдары мен қоқыс жәшіктері бар ит серуендететін алаң жасауды ұсынамыз.",
            "ru": "Предлагаем огороженную площадку для выгула собак со снарядами и урнами.",
            "en": "We propose a fenced dog-walking area with training equipment and bins.",
        },
        "why": {
            "kk": "Қазір иттерді балалар алаңының жанында серуендетеді, бұл ата-аналарға ұнамайды.",
            "ru": "Сейчас собак выгуливают рядом с детской площадкой, и родителям это не нравится.",
            "en": "Dogs are now walked next to the playground, which parents do not like.",
        },
    },
    "basketball": {
        "title": {"kk": "баскетбол алаңы", "ru": "Баскетбольная площадка", "en": "Basketball court"},
        "summary": {
            "kk": "Резеңке жабыны, қоршауы және жарығы бар баскетбол алаңын салуды ұсынамыз.",
            "ru": "Предлагаем баскетбольную площадку с резиновым покрытием, ограждением и освещением.",
            "en": "We propose a basketball court with a rubber surface, fencing and lighting.",
        },
        "why": {
            "kk": "Мектеп оқушыларының сабақтан кейін ойнайтын жері жоқ.",
            "ru": "Школьникам негде играть после уроков.",
            "en": "Pupils have nowhere to play after school.",
        },
    },
    "cctv": {
        "title": {"kk": "бейнебақылау камералары", "ru": "Камеры видеонаблюдения", "en": "CCTV cameras"},
        "summary": {
            "kk": "Аулалар мен балалар алаңдарына бейнебақылау камераларын орнатып, оларды қалалық жүйеге "
            "қосуды ұсынамыз.",
            "ru": "Предлагаем установить камеры во дворах и на детских площадках и подключить их к городской системе.",
            "en": "We propose cameras in the courtyards and at the playgrounds, connected to the city's monitoring "
            "system.",
        },
        "why": {
            "kk": "Тұрғындар велосипедтер мен балалар арбаларының ұрланатынына шағымданады.",
            "ru": "Жители жалуются на кражи велосипедов и колясок.",
            "en": "Residents complain that bicycles and prams get stolen.",
        },
    },
    "stage": {
        "title": {"kk": "ашық сахна", "ru": "Летняя сцена", "en": "Open-air stage"},
        "summary": {
            "kk": "Мерекелер мен концерттерге арналған шатыры бар ашық сахна салуды ұсынамыз.",
            "ru": "Предлагаем построить летнюю сцену с навесом для праздников и концертов.",
            "en": "We propose an open-air stage with a canopy for festivals and concerts.",
        },
        "why": {
            "kk": "Мұнда Наурыз бен басқа мерекелерді өткізетін орын жоқ.",
            "ru": "Здесь негде проводить Наурыз и другие праздники.",
            "en": "There is nowhere here to celebrate Nauryz and other festivals.",
        },
    },
    "village-park": {
        "title": {"kk": "саябақ", "ru": "Парк", "en": "Park"},
        "summary": {
            "kk": "Ауыл орталығындағы бос жерді жаяу жолдары, орындықтары мен ағаштары бар саябаққа айналдыруды "
            "ұсынамыз.",
            "ru": "Предлагаем превратить пустырь в центре села в парк с дорожками, скамейками и деревьями.",
            "en": "We propose turning the vacant land in the village centre into a park with paths, benches and trees.",
        },
        "why": {
            "kk": "Ауылда жастар мен қарттар бас қосатын жайлы орын жоқ.",
            "ru": "В селе нет уютного места, где могли бы собираться молодёжь и пожилые люди.",
            "en": "The village has no pleasant place where young and old people can meet.",
        },
    },
    "ice-rink": {
        "title": {"kk": "мұз айдыны", "ru": "Каток", "en": "Ice rink"},
        "summary": {
            "kk": "Қыста мұз құйылатын, жазда спорт алаңы болатын жарықтандырылған корт салуды ұсынамыз.",
            "ru": "Предлагаем построить освещённый корт, который зимой заливают под каток, а летом используют "
            "как спортплощадку.",
            "en": "We propose a lit court that is flooded as an ice rink in winter and used as a sports ground "
            "in summer.",
        },
        "why": {
            "kk": "Қыста балаларға коньки тебетін жер жоқ.",
            "ru": "Зимой детям негде кататься на коньках.",
            "en": "In winter children have nowhere to skate.",
        },
    },
}

# Votes of the hand-written proposals on each ballot (their keys in demo_content.PROPOSALS).
SPEC_VOTES = {
    "aktau-2024": {"aktau-park-12": 331, "aktau-playground-5": 187, "aktau-lighting-14": 129, "aktau-workout-27": 14},
    "aksu-2025": {
        "aksu-skatepark": 128,
        "aksu-crossings": 117,
        "aksu-kalkaman-lighting": 109,
        "aksu-heated-stops": 66,
        "aksu-tree-belt": 57,
    },
}

# The rest of each ballot: (kind, place, cost in tenge, votes). Costs are within the cycle's cap
# (15 000 MRP: 55 380 000 in 2024, 58 980 000 in 2025: Aktau and Aksu are cities of oblast significance).
GENERATED = {
    # Greedy, 600 000 000: the park, the playground and the lighting (91 000 000) lead; the next ten
    # (504 500 000) are funded too (the cap keeps any three projects far below the budget) and leave
    # 4 500 000, less than the workout area (12 400 000, 14 votes) or anything below it costs.
    "aktau-2024": [
        ("yard-roads", "aktau-mkr-12", 54_900_000, 47),
        ("football", "aktau-mkr-27", 53_200_000, 43),
        ("drainage", "aktau-mkr-14", 52_600_000, 38),
        ("parking", "aktau-mkr-5", 51_800_000, 34),
        ("stage", "aktau-mkr-12", 50_400_000, 31),
        ("yard-roads", "aktau-mkr-5", 49_700_000, 27),
        ("drainage", "aktau-mkr-27", 49_100_000, 24),
        ("football", "aktau-mkr-14", 48_300_000, 21),
        ("parking", "aktau-mkr-12", 47_500_000, 18),
        ("yard-roads", "aktau-mkr-14", 47_000_000, 16),
        ("lighting", "aktau-mkr-5", 26_400_000, 10),
        ("greening", "aktau-mkr-5", 14_200_000, 4),
        ("benches", "aktau-mkr-5", 6_300_000, 7),
        ("shelters", "aktau-mkr-5", 11_800_000, 2),
        ("step-free", "aktau-mkr-5", 17_500_000, 5),
        ("sports-ground", "aktau-mkr-5", 21_900_000, 9),
        ("fountains", "aktau-mkr-5", 5_400_000, 1),
        ("crossings", "aktau-mkr-5", 12_700_000, 6),
        ("dog-area", "aktau-mkr-5", 8_100_000, 3),
        ("cctv", "aktau-mkr-5", 15_600_000, 0),
        ("lighting", "aktau-mkr-12", 29_800_000, 9),
        ("playground", "aktau-mkr-12", 27_300_000, 10),
        ("greening", "aktau-mkr-12", 18_600_000, 6),
        ("shelters", "aktau-mkr-12", 9_400_000, 3),
        ("step-free", "aktau-mkr-12", 22_100_000, 7),
        ("sports-ground", "aktau-mkr-12", 19_300_000, 8),
        ("fountains", "aktau-mkr-12", 6_200_000, 2),
        ("drainage", "aktau-mkr-12", 44_800_000, 5),
        ("crossings", "aktau-mkr-12", 10_900_000, 4),
        ("dog-area", "aktau-mkr-12", 7_400_000, 1),
        ("basketball", "aktau-mkr-12", 16_800_000, 7),
        ("playground", "aktau-mkr-14", 23_500_000, 8),
        ("greening", "aktau-mkr-14", 12_300_000, 3),
        ("benches", "aktau-mkr-14", 5_900_000, 5),
        ("shelters", "aktau-mkr-14", 14_600_000, 6),
        ("step-free", "aktau-mkr-14", 13_200_000, 2),
        ("sports-ground", "aktau-mkr-14", 24_700_000, 9),
        ("fountains", "aktau-mkr-14", 7_100_000, 0),
        ("crossings", "aktau-mkr-14", 16_400_000, 7),
        ("dog-area", "aktau-mkr-14", 10_200_000, 4),
        ("cctv", "aktau-mkr-14", 21_300_000, 1),
        ("lighting", "aktau-mkr-27", 31_200_000, 6),
        ("playground", "aktau-mkr-27", 28_900_000, 8),
        ("greening", "aktau-mkr-27", 20_400_000, 5),
        ("benches", "aktau-mkr-27", 8_700_000, 3),
        ("shelters", "aktau-mkr-27", 12_900_000, 1),
        ("step-free", "aktau-mkr-27", 18_200_000, 2),
        ("crossings", "aktau-mkr-27", 9_800_000, 4),
        ("basketball", "aktau-mkr-27", 14_400_000, 0),
    ],
    # Equal Shares with add-one, 80 000 000: the skatepark, the crossings and the Kalkaman lighting
    # (59 650 000) and the three cheap village projects (11 900 000) are bought; every other project
    # costs at least 1.6 times as much per supporter as the skatepark and more than the 8 450 000 left,
    # so the tree belt (29 200 000, 57 votes) is not. Checked with the ballots this module draws.
    "aksu-2025": [
        ("yard-roads", "aksu-centre", 58_500_000, 112),
        ("village-streets", "aksu-evgenievka", 56_000_000, 108),
        ("ice-rink", "aksu-centre", 54_300_000, 104),
        ("drainage", "aksu-centre", 52_800_000, 101),
        ("benches", "aksu-evgenievka", 3_200_000, 58),
        ("dog-area", "aksu-kalkaman", 4_100_000, 69),
        ("shelters", "aksu-kalkaman", 4_600_000, 77),
        ("village-streets", "aksu-kalkaman", 47_000_000, 97),
        ("village-park", "aksu-evgenievka", 44_500_000, 91),
        ("football", "aksu-centre", 41_000_000, 84),
        ("lighting", "aksu-evgenievka", 38_500_000, 79),
        ("stage", "aksu-centre", 35_000_000, 72),
        ("parking", "aksu-centre", 31_000_000, 63),
        ("village-park", "aksu-kalkaman", 23_000_000, 44),
        ("basketball", "aksu-evgenievka", 21_500_000, 31),
        ("cctv", "aksu-centre", 22_000_000, 18),
        ("step-free", "aksu-centre", 24_000_000, 6),
    ],
}

# How the voters are drawn. A voter often lives where the project is (`home`); a project's later
# supporters are taken from ballots with room left, those of its district three times as likely.
VOTERS = {
    "aktau-2024": {
        "districts": {"aktau-mkr-5": 3, "aktau-mkr-12": 4, "aktau-mkr-14": 3, "aktau-mkr-27": 2},
        "home": 0.5,
        "join": 0.65,
        "assisted": 0.08,
    },
    "aksu-2025": {
        "districts": {"aksu-centre": 6, "aksu-kalkaman": 2, "aksu-evgenievka": 2},
        "home": 0.5,
        "join": 0.8,
        "assisted": 0.15,
    },
}
# Age bands of voters (no one under 16 votes); those helped at a public centre are older.
AGES_ONLINE = {"16-17": 2, "18-24": 12, "25-34": 24, "35-44": 24, "45-54": 17, "55-64": 13, "65+": 8}
AGES_ASSISTED = {"35-44": 10, "45-54": 20, "55-64": 30, "65+": 40}
FEMALE_SHARE = 0.55
AUTHORS = [
    "Айгүл С.",
    "Нұрлан Қ.",
    "Мадина Ж.",
    "Сергей В.",
    "Асқар Б.",
    "Гүлмира Т.",
    "Ольга Н.",
    "Бекзат А.",
    "Жанар Е.",
    "Руслан М.",
    "Әсел Д.",
    "Виктор П.",
]
REVIEW = "Жоба абаттандыру қағидаларына сәйкес келеді; смета тексеріліп, құны расталды."


def external_id(kind, place):
    return f"demo:{kind}-{place}"


def texts(kind, place):
    """Title, summary and description of a generated proposal in each language."""
    k, p = KINDS[kind], PLACES[place]
    return {
        lang: {
            "title": _upper_first(f"{p['kk']} {k['title']['kk']}") if lang == "kk" else f"{k['title'][lang]} {p[lang]}",
            "summary": k["summary"][lang],
            "description": f"{k['summary'][lang]}\n\n{k['why'][lang]}",
            "location": "",
        }
        for lang in ("kk", *TARGETS)
    }


def _upper_first(text):
    return text[:1].upper() + text[1:]


def _weighted(rng, weights):
    return rng.choices(list(weights), list(weights.values()))[0]


def plan_ballots(cycle_key, projects, *, max_choices, budget=None):
    """Who votes for what: `projects` are (key, votes, cost, district key or None) in ballot order.

    Returns (district key, [project keys]) per ballot, shuffled; every ballot has 1..max_choices items
    and, when `budget` is given (knapsack), costs at most `budget`; project `key` is on exactly `votes`
    ballots. Plain Python, deterministic for a cycle.
    """
    rng = random.Random(f"qatysu-demo-ballots:{cycle_key}")  # noqa: S311 - demo data, not a secret
    voters = VOTERS[cycle_key]
    ballots = []  # [district, keys, cost]
    for key, votes, cost, home in sorted(projects, key=lambda p: -p[1]):
        room = [b for b in ballots if len(b[1]) < max_choices and (budget is None or b[2] + cost <= budget)]
        joining = min(len(room), round(votes * voters["join"]))
        room.sort(key=lambda b: rng.random() ** (1 / (3 if b[0] == home else 1)), reverse=True)
        for ballot in room[:joining]:
            ballot[1].append(key)
            ballot[2] += cost
        for _ in range(votes - joining):
            district = home if home in voters["districts"] and rng.random() < voters["home"] else None
            ballots.append([district or _weighted(rng, voters["districts"]), [key], cost])
    rng.shuffle(ballots)
    return [(district, keys) for district, keys, _ in ballots]


def _cycle_projects(cycle_key):
    """(external_id, votes, place) of every project on the ballot, hand-written first."""
    spec = {s["key"]: s["district"] for s in PROPOSALS}
    rows = [(f"demo:{key}", votes, spec[key]) for key, votes in SPEC_VOTES[cycle_key].items()]
    rows += [(external_id(kind, place), votes, place) for kind, place, _, votes in GENERATED[cycle_key]]
    return rows


def load_results_demo(cycles, territories, moderator):
    """The rest of the Aktau 2024 and Aksu 2025 ballots, and the ballots their voters cast (once)."""
    from demo.pb import _user, _when

    expert = get_user_model().objects.get(username="expert_demo")
    for cycle_key, rows in GENERATED.items():
        cycle = cycles[cycle_key]
        for n, (kind, place, cost, _votes) in enumerate(rows):
            _proposal(cycle, n, kind, place, cost, territories[place], moderator, expert, _when)
    operator = _user("operator_demo", roles.OPERATORS, "Гүлнар", "Ахметова")
    for cycle_key in GENERATED:
        _ballots(cycles[cycle_key], cycle_key, territories, operator)


def _proposal(cycle, n, kind, place, cost, district, moderator, expert, when):
    ext = external_id(kind, place)
    if Proposal.objects.filter(external_id=ext).exists():
        return
    text = texts(kind, place)
    submission = services.proposals.submit_proposal(
        cycle=cycle,
        language="kk",
        title=text["kk"]["title"],
        summary=text["kk"]["summary"],
        description=text["kk"]["description"],
        district=district,
        estimated_cost=cost,
        author_name=AUTHORS[n % len(AUTHORS)],
        author_contact="+7 700 000 00 00",
        external_id=ext,
        historical=True,
    )
    proposal = submission.proposal
    collection = cycle.phase_dates[0]
    days = ((collection.ends_on or collection.starts_on) - collection.starts_on).days + 1
    submitted = timezone.make_aware(
        datetime.combine(collection.starts_on + timedelta(days=(n * 7) % days), time(9 + n % 9, n % 60))
    )
    Proposal.objects.filter(pk=proposal.pk).update(created_at=submitted)
    proposal.status_changes.update(changed_at=submitted)
    reviewed = cycle.has_phase(Phase.EXPERT_REVIEW)
    path = ("in_moderation", "in_discussion", "in_expert_review") if reviewed else ("in_moderation",)
    for status in (*path, "on_ballot"):
        if status == "on_ballot" and reviewed:
            review = services.proposals.record_expert_review(
                proposal=proposal, user=expert, verdict="compliant", validated_cost=cost, conclusion=REVIEW
            )
            moment = when(cycle, "in_expert_review", n % 60) + timedelta(days=3 + n % 10)
            ExpertReview.objects.filter(pk=review.pk).update(created_at=moment)
        change = services.proposals.change_status(proposal=proposal, new_status=status, user=moderator)
        type(change).objects.filter(pk=change.pk).update(changed_at=when(cycle, status, n % 60))
    translate_page(ProposalPage.objects.get(pk=submission.page.pk), ProposalPage, lambda lang: text[lang], TARGETS)


def _ballots(cycle, cycle_key, territories, operator):
    if cycle.ballots.exists():
        return
    voters = VOTERS[cycle_key]
    by_key = {p.external_id: p for p in Proposal.objects.filter(cycle=cycle, external_id__startswith="demo:")}
    projects = [(key, votes, by_key[key].cost, place) for key, votes, place in _cycle_projects(cycle_key)]
    budget = cycle.total_budget if cycle.ballot_type == "knapsack" else None
    plan = plan_ballots(cycle_key, projects, max_choices=cycle.ballot_max_choices, budget=budget)
    rng = random.Random(f"qatysu-demo-voters:{cycle_key}")  # noqa: S311 - demo data, not a secret
    voting = next(p for p in cycle.phase_dates if p.phase == Phase.VOTING)
    days = (voting.ends_on - voting.starts_on).days + 1
    rows = []
    for n, (district, _) in enumerate(plan):
        assisted = rng.random() < voters["assisted"]
        day = voting.starts_on + timedelta(days=rng.randrange(days))
        hour = rng.randint(9, 17) if assisted else rng.randint(7, 22)
        rows.append(
            Ballot(
                cycle=cycle,
                voter_hash=hashlib.sha256(f"qatysu-demo-voter:{cycle_key}:{n}".encode()).hexdigest(),
                age_band=_weighted(rng, AGES_ASSISTED if assisted else AGES_ONLINE),
                sex="female" if rng.random() < FEMALE_SHARE else "male",
                district=territories[district],
                channel="assisted" if assisted else "online",
                operator=operator if assisted else None,
                cast_at=timezone.make_aware(datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60)))),
            )
        )
    with transaction.atomic():
        made = Ballot.objects.bulk_create(rows, batch_size=1000)
        BallotItem.objects.bulk_create(
            [
                BallotItem(ballot=ballot, proposal=by_key[key], points=1)
                for ballot, (_, keys) in zip(made, plan, strict=True)
                for key in keys
            ],
            batch_size=2000,
        )
