"""Trilingual (kk / ru / en) demo content for the Qatysu site.

Data only. Facts come from the paper in ../shared/seed/ (Alisharipov, Utepova,
Kussainova, Academy of Public Administration under the President of the Republic of
Kazakhstan) and terms from ../shared/GLOSSARY.md. Addresses, opening hours, phone
numbers and e-mails of public centres are generic placeholders, not official data;
the councils' member counts and the news events are illustrative.

Every human-readable text is a dict {"kk", "ru", "en"}; the three versions of a rich
text have the same paragraphs, list items, inline tags and links, because the loader
pairs them segment by segment. kk and ru group thousands with a no-break space.
"""

from datetime import date

SITE_NAME = {
    "kk": "Qatysu — Қатысу",
    "ru": "Qatysu — Участие",
    "en": "Qatysu — Participation",
}

HOME = {
    "title": {
        "kk": "Қатысу бюджеті",
        "ru": "Бюджет участия",
        "en": "Participatory budget",
    },
    "intro": {
        "kk": (
            "<p>Qatysu — Қазақстан тұрғындарына арналған қатысу бюджетінің порталы. "
            "Мұнда өз қалаңызды немесе ауылыңызды абаттандыруға жобалық ұсыныс жіберіп, "
            "көршілеріңіздің ұсыныстарын талқылап, дауыс беріп, жеңіске жеткен жобалардың "
            "қалай іске асырылып жатқанын бақылай аласыз.</p>"
            "<p>Порталда сонымен қатар қоғамдық кеңестердің жаңалықтары, жергілікті "
            "өзін-өзі басқаруды дамыту жөніндегі құжаттар және қоғамдық орталықтардың "
            "мекенжайлары жарияланады.</p>"
        ),
        "ru": (
            "<p>Qatysu — портал бюджета участия для жителей Казахстана. "
            "Здесь можно отправить проектное предложение по благоустройству своего города "
            "или села, обсудить предложения соседей, проголосовать и проследить, "
            "как реализуются проекты-победители.</p>"
            "<p>На портале также публикуются новости общественных советов, документы "
            "о развитии местного самоуправления и адреса общественных центров.</p>"
        ),
        "en": (
            "<p>Qatysu is the participatory budget portal for the residents of Kazakhstan. "
            "Here you can submit a proposal to improve your town or village, discuss your "
            "neighbours' proposals, vote, and follow how the winning projects are "
            "implemented.</p>"
            "<p>The portal also publishes news of public councils, documents on the "
            "development of local self-government and the addresses of public centres.</p>"
        ),
    },
    "what_is_pb": {
        "kk": (
            "<p>Партисипаторлық бюджеттеу — жергілікті бюджеттің бір бөлігін қандай "
            "жобаларға жұмсауды тұрғындардың өздері ұсынып, талқылап, дауыс беру арқылы "
            "шешетін тетік. Цифрлық платформа ел өңірлерін біркелкі дамыту үшін "
            "азаматтарды, қоғамдық ұйымдарды, жергілікті билік органдары мен жергілікті "
            "қоғамдастық жиналыстарын тартуға мүмкіндік береді.</p>"
            "<p>Қазақстанда қатысу бюджетінің екі цифрлық платформасы жұмыс істейді. "
            "Жалпыұлттық <strong>«Берекелі Бастама»</strong> жобасы мынадай кезеңдерден "
            "тұрады: ұсыныстарды жинау, модерация, дауыс беру, дауыс беру қорытындыларын "
            "шығару және іске асыру. <strong>«Tugan qala»</strong> жобасында модерациядан "
            "кейін сараптама кезеңі қосылған: сараптамалық кеңес ұсыныстардың заңдар мен "
            "абаттандыру қағидаларына сәйкестігін тексереді.</p>"
            "<p>Дауыс беруге 16 жасқа толған тұрғындар қатыса алады. Бір жобалық "
            "ұсыныстың шекті құны республикалық маңызы бар қалаларда — 25\u00a0000 АЕК, "
            "облыстық маңызы бар қалаларда — 15\u00a0000 АЕК, аудандық маңызы бар "
            "қалаларда — 1\u00a0500 АЕК.</p>"
        ),
        "ru": (
            "<p>Партисипаторное бюджетирование — механизм, при котором жители сами "
            "предлагают, обсуждают и выбирают голосованием проекты, на которые "
            "направляется часть местного бюджета. Цифровая платформа позволяет привлечь "
            "граждан, общественные организации, местные органы власти и собрания местного "
            "сообщества к равномерному развитию регионов страны.</p>"
            "<p>В Казахстане действуют две цифровые платформы бюджета участия. "
            "Общенациональный проект <strong>«Берекелі Бастама»</strong> проходит этапы: "
            "сбор проектных предложений, модерация, голосование, подведение итогов "
            "голосования и реализация. В проекте <strong>«Tugan qala»</strong> после "
            "модерации добавлен этап экспертизы: экспертный совет проверяет предложения "
            "на соответствие законам и правилам благоустройства.</p>"
            "<p>Голосовать могут жители в возрасте от 16 лет. Предельная стоимость одного "
            "проектного предложения — 25\u00a0000 МРП в городах республиканского значения, "
            "15\u00a0000 МРП в городах областного значения и 1\u00a0500 МРП в городах "
            "районного значения.</p>"
        ),
        "en": (
            "<p>Participatory budgeting is a mechanism in which residents themselves "
            "propose, discuss and vote on the projects that a part of the local budget is "
            "spent on. A digital platform makes it possible to involve citizens, public "
            "organisations, local authorities and local community meetings in the uniform "
            "development of the country's regions.</p>"
            "<p>Two digital participatory budget platforms operate in Kazakhstan. "
            "The nationwide <strong>Berekeli Bastama</strong> project goes through these "
            "phases: collection of proposals, moderation, voting, counting of the votes "
            "and implementation. <strong>Tugan qala</strong> adds an expert review phase "
            "after moderation: an expert council checks that proposals comply with the "
            "law and the rules for public improvement works.</p>"
            "<p>Residents aged 16 and over can vote. The cap for one proposal is "
            "25,000 MCI in cities of republican significance, 15,000 MCI in cities of "
            "regional significance and 1,500 MCI in cities of district significance.</p>"
        ),
    },
    "figures": [
        {
            "value": 218,
            "label": {
                "kk": "жергілікті деңгейдегі қоғамдық кеңес",
                "ru": "общественных советов на местном уровне",
                "en": "public councils at the local level",
            },
        },
        {
            "value": 3915,
            "label": {
                "kk": "барлық деңгейдегі қоғамдық кеңестердің мүшесі",
                "ru": "членов общественных советов всех уровней",
                "en": "members of public councils at all levels",
            },
        },
        {
            "value": 3329,
            "label": {
                "kk": "жергілікті өкілді органдар (мәслихаттар) жанындағы кеңестердің мүшесі",
                "ru": "членов советов при местных представительных органах (маслихатах)",
                "en": "members of councils under local representative bodies (maslikhats)",
            },
        },
        {
            "value": 4,
            "label": {
                "kk": "қоғамдық орталықтар ашылған облыс",
                "ru": "области, где открыты общественные центры",
                "en": "regions with public centres",
            },
        },
    ],
    "cycles_placeholder": {
        "kk": "Жақында осы жерде қатысу бюджетінің циклдері пайда болады.",
        "ru": "Скоро здесь появятся циклы бюджета участия.",
        "en": "Participatory budget cycles will appear here soon.",
    },
}

ABOUT = {
    "slug": "about",
    "title": {
        "kk": "Қатысу бюджеті туралы",
        "ru": "О бюджете участия",
        "en": "About participatory budgeting",
    },
    "intro": {
        "kk": (
            "Қатысу бюджеті тұрғындарға жергілікті бюджеттің бір бөлігін қандай "
            "жобаларға жұмсау керектігін өздері шешуге мүмкіндік береді. Бұл бетте әлемдік "
            "тәжірибе, Қазақстандағы платформалар және оларды жетілдіру жөніндегі "
            "ұсынымдар қысқаша баяндалады."
        ),
        "ru": (
            "Бюджет участия позволяет жителям самим решать, на какие проекты направить "
            "часть местного бюджета. На этой странице кратко изложены мировой опыт, "
            "казахстанские платформы и рекомендации по их совершенствованию."
        ),
        "en": (
            "A participatory budget lets residents decide for themselves which projects "
            "a part of the local budget is spent on. This page summarises international "
            "experience, the Kazakh platforms and recommendations for improving them."
        ),
    },
    "body": [
        (
            "heading",
            {
                "kk": "Әлемдік тәжірибе",
                "ru": "Мировой опыт",
                "en": "International experience",
            },
        ),
        (
            "paragraph",
            {
                "kk": (
                    "<p>Польша 1990-жылдардағы саяси реформалардан кейін жергілікті "
                    "өзін-өзі басқару органдарының саяси, қаржылық, әкімшілік және "
                    "мүліктік дербестігіне дәйекті түрде қол жеткізді. Басқарудың үш "
                    "деңгейінің — воеводстволардың, повяттардың және гминалардың — "
                    "әрқайсысының өз өзін-өзі басқаруы бар және олар көлденең үлгі "
                    "бойынша өзара әрекеттеседі; бұл әлеуметтік-экономикалық дамуға "
                    "қуатты серпін беріп, өңірлер арасындағы алшақтықты қысқартты.</p>"
                    "<p>Қытайда партисипаторлық бюджеттеудің пилоттық жобалары "
                    "2000-жылдардың басында басталды, ал Чэнду қаласында мұндай жоба "
                    "2009 жылдан бері жүзеге асырылып келеді. Қаржыландырылатын "
                    "жобалардың саны, бөлінетін қаражат көлемі және халықты қамтуы "
                    "бойынша бұл — Қытайдағы ең ірі қатысу бюджеті процесі; оның айқын "
                    "мақсаты — қала мен ауыл тұрғындарының өмір сүру деңгейіндегі "
                    "алшақтықты азайту.</p>"
                ),
                "ru": (
                    "<p>Польша после политических реформ 1990-х годов последовательно "
                    "добивалась политической, финансовой, административной и "
                    "имущественной самостоятельности органов местного самоуправления. "
                    "Все три уровня — воеводства, повяты и гмины — имеют собственное "
                    "самоуправление и взаимодействуют по горизонтальной модели; это дало "
                    "мощный толчок социально-экономическому развитию и сократило разрыв "
                    "между регионами.</p>"
                    "<p>В Китае пилотные проекты партисипаторного бюджетирования "
                    "начались в начале 2000-х годов, а в городе Чэнду такой проект "
                    "реализуется с 2009 года. По числу финансируемых проектов, объёму "
                    "выделяемых средств и охвату населения это крупнейший процесс "
                    "бюджета участия в Китае; его явная цель — сократить разрыв в уровне "
                    "жизни городского и сельского населения.</p>"
                ),
                "en": (
                    "<p>After the political reforms of the 1990s, Poland consistently "
                    "pursued the political, financial, administrative and property "
                    "independence of local self-government bodies. All three tiers — "
                    "voivodeships, powiats and gminas — have their own self-government "
                    "and interact on a horizontal model; this gave a strong impetus to "
                    "social and economic development and narrowed the gap between "
                    "regions.</p>"
                    "<p>In China, pilot participatory budgeting projects began in the "
                    "early 2000s, and the city of Chengdu has been running such a project "
                    "since 2009. By the number of funded projects, the money allocated "
                    "and the population covered, it is the largest participatory budget "
                    "process in China; its explicit aim is to narrow the gap in living "
                    "standards between urban and rural residents.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "kk": "Қазақстандағы екі платформа",
                "ru": "Две платформы в Казахстане",
                "en": "Two platforms in Kazakhstan",
            },
        ),
        (
            "paragraph",
            {
                "kk": (
                    "<p>2019 жылы елде бүкіл ел бойынша енгізілетін «Тұрғындар "
                    "қатысатын халықтық бюджет» жобасы басталды. Бүгінде қатысу бюджеті "
                    "қағидатына негізделген екі цифрлық платформа жұмыс істейді:</p>"
                    "<ul>"
                    "<li><strong>«Берекелі Бастама»</strong> — Қазақстан Республикасы "
                    "Индустрия және инфрақұрылымдық даму министрлігі мен Q88 урбанистер "
                    "қауымдастығы бастамашылық еткен, ірі қалалар мен облыс "
                    "орталықтарындағы жалпыұлттық жоба "
                    '(<a href="https://budget-uchastiya.kz/aktau">budget-uchastiya.kz</a>). '
                    "Кезеңдері: ұсыныстарды жинау, модерация, дауыс беру, дауыс беру "
                    "қорытындыларын шығару, іске асыру.</li>"
                    "<li><strong>«Tugan qala»</strong> — Eurasian Resources Group "
                    "компаниясы бастамашылық еткен, шағын қалалар мен ауылдардағы (Ақсу, "
                    "Хромтау, Рудный, Қашар, Октябрьский) жергілікті жобалар "
                    '(<a href="https://tugan-qala.kz/aksu">tugan-qala.kz</a>). '
                    "Кезеңдері: ұсыныстарды жинау, модерация, сараптамалық кеңестегі "
                    "сараптама, дауыс беру, қорытындылар, іске асыру.</li>"
                    "</ul>"
                ),
                "ru": (
                    "<p>В 2019 году в стране стартовал проект «Народный бюджет с участием "
                    "населения», который внедряется по всей стране. Сегодня действуют две "
                    "цифровые платформы, основанные на принципе бюджета участия:</p>"
                    "<ul>"
                    "<li><strong>«Берекелі Бастама»</strong> — общенациональный проект в "
                    "крупных городах и областных центрах, инициированный Министерством "
                    "индустрии и инфраструктурного развития Республики Казахстан и "
                    "Ассоциацией урбанистов Q88 "
                    '(<a href="https://budget-uchastiya.kz/aktau">budget-uchastiya.kz</a>). '
                    "Этапы: сбор проектных предложений, модерация, голосование, "
                    "подведение итогов голосования, реализация.</li>"
                    "<li><strong>«Tugan qala»</strong> — локальные проекты в малых "
                    "городах и сёлах (Аксу, Хромтау, Рудный, Качар, Октябрьский), "
                    "инициированные компанией Eurasian Resources Group "
                    '(<a href="https://tugan-qala.kz/aksu">tugan-qala.kz</a>). '
                    "Этапы: сбор проектных предложений, модерация, экспертиза в "
                    "экспертном совете, голосование, итоги, реализация.</li>"
                    "</ul>"
                ),
                "en": (
                    "<p>In 2019 the country launched the “People's budget with public "
                    "participation” project, which is being rolled out nationwide. "
                    "Today two digital platforms based on the participatory budget "
                    "principle are in operation:</p>"
                    "<ul>"
                    "<li><strong>Berekeli Bastama</strong> — a nationwide project in large "
                    "cities and regional centres, initiated by the Ministry of Industry "
                    "and Infrastructure Development of the Republic of Kazakhstan and the "
                    "Q88 Association of Urbanists "
                    '(<a href="https://budget-uchastiya.kz/aktau">budget-uchastiya.kz</a>). '
                    "Phases: collection of proposals, moderation, voting, counting of "
                    "the votes, implementation.</li>"
                    "<li><strong>Tugan qala</strong> — local projects in small towns and "
                    "villages (Aksu, Khromtau, Rudny, Kachar, Oktyabrsky), initiated by "
                    "the Eurasian Resources Group company "
                    '(<a href="https://tugan-qala.kz/aksu">tugan-qala.kz</a>). '
                    "Phases: collection of proposals, moderation, expert review by the "
                    "expert council, voting, results, implementation.</li>"
                    "</ul>"
                ),
            },
        ),
        (
            "paragraph",
            {
                "kk": (
                    "<p>Қазақстан Республикасы Президентінің жанындағы Мемлекеттік "
                    "басқару академиясының зерттеуі «Tugan qala» процестерінің "
                    "анағұрлым нақты сипатталғанын көрсетті: модерациядан кейін "
                    "сараптама қосылған, ал жобалық орталықтың мамандары авторлармен "
                    "хабарласады. Ақтаудағы мемлекеттік платформада 53 жобаның 39-ы "
                    "0-ден 10-ға дейін дауыс жинап, тек 3-еуі ғана 100 және одан көп "
                    "дауыс алды; Ақсуда 22 жобаның 7-еуі 100 және одан көп дауыс "
                    "жинады. Авторлар мемлекеттік платформаға барлық кезеңдегі ашықтық "
                    "пен азаматтық қоғам өкілдерін кеңірек тарту қажет деген "
                    "қорытындыға келеді.</p>"
                ),
                "ru": (
                    "<p>Исследование Академии государственного управления при Президенте "
                    "Республики Казахстан показало, что процессы «Tugan qala» описаны "
                    "чётче: после модерации добавлена экспертиза, а специалисты "
                    "проектного центра связываются с авторами. На государственной "
                    "платформе в Актау из 53 проектов 39 набрали от 0 до 10 голосов и "
                    "лишь 3 — 100 и более; в Аксу из 22 проектов 7 набрали 100 и более "
                    "голосов. Авторы делают вывод, что государственной платформе нужны "
                    "прозрачность на всех этапах и вовлечение более широкого круга "
                    "представителей гражданского общества.</p>"
                ),
                "en": (
                    "<p>A study by the Academy of Public Administration under the "
                    "President of the Republic of Kazakhstan found that the Tugan qala "
                    "process is described more clearly: an expert review follows "
                    "moderation, and project centre specialists contact the authors. "
                    "On the state platform in Aktau, 39 of 53 projects received between "
                    "0 and 10 votes and only 3 received 100 or more; in Aksu, 7 of 22 "
                    "projects received 100 or more votes. The authors conclude that the "
                    "state platform needs transparency at every phase and the involvement "
                    "of a wider range of civil society representatives.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "kk": "Жобаның шекті құны",
                "ru": "Предельная стоимость проекта",
                "en": "Cost caps",
            },
        ),
        (
            "paragraph",
            {
                "kk": (
                    "<p>Жергілікті бюджеттердің жобаларын әзірлеу қағидаларына "
                    "(Қазақстан Республикасы Қаржы министрінің № 470 бұйрығы, 2023 жылғы "
                    "11 қаңтардағы № 19 бұйрықпен енгізілген өзгерістерімен) сәйкес бір "
                    "жобалық ұсынысты іске асырудың шекті құны:</p>"
                    "<ul>"
                    "<li>республикалық маңызы бар қалаларда (Астана, Алматы, Шымкент) — "
                    "25\u00a0000 АЕК, 2023 жылы шамамен 85 млн теңге;</li>"
                    "<li>облыстық маңызы бар қалаларда — 15\u00a0000 АЕК, шамамен "
                    "50 млн теңге;</li>"
                    "<li>аудандық маңызы бар қалаларда — 1\u00a0500 АЕК, шамамен "
                    "5 млн теңге.</li>"
                    "</ul>"
                    "<p>Авторлардың бағалауынша, 3 республикалық, 38 облыстық және "
                    "48 аудандық маңызы бар қаланы ескергенде, бұл 2024 жылы шамамен "
                    "680 жоба және 27,7 млрд теңге, сондықтан жобаларды іріктеу "
                    "сапасының маңызы зор.</p>"
                ),
                "ru": (
                    "<p>Согласно Правилам разработки проектов местных бюджетов (приказ "
                    "Министра финансов Республики Казахстан № 470 с изменениями, "
                    "внесёнными приказом от 11 января 2023 года № 19), предельная "
                    "стоимость реализации одного проектного предложения составляет:</p>"
                    "<ul>"
                    "<li>25\u00a0000 МРП — в городах республиканского значения (Астана, "
                    "Алматы, Шымкент), около 85 млн тенге в 2023 году;</li>"
                    "<li>15\u00a0000 МРП — в городах областного значения, около "
                    "50 млн тенге;</li>"
                    "<li>1\u00a0500 МРП — в городах районного значения, около "
                    "5 млн тенге.</li>"
                    "</ul>"
                    "<p>По оценке авторов, с учётом 3 городов республиканского, 38 городов "
                    "областного и 48 городов районного значения это около 680 проектов и "
                    "27,7 млрд тенге в 2024 году, поэтому качество отбора проектов имеет "
                    "большое значение.</p>"
                ),
                "en": (
                    "<p>Under the Rules for drafting local budgets (order No 470 of the "
                    "Minister of Finance of the Republic of Kazakhstan, as amended by "
                    "order No 19 of 11 January 2023), the cap for implementing one "
                    "proposal is:</p>"
                    "<ul>"
                    "<li>25,000 MCI in cities of republican significance (Astana, Almaty, "
                    "Shymkent), about KZT 85 million in 2023;</li>"
                    "<li>15,000 MCI in cities of regional significance, about "
                    "KZT 50 million;</li>"
                    "<li>1,500 MCI in cities of district significance, about "
                    "KZT 5 million.</li>"
                    "</ul>"
                    "<p>The authors estimate that, with 3 cities of republican, 38 of "
                    "regional and 48 of district significance, this comes to about "
                    "680 projects and KZT 27.7 billion in 2024, so the quality of project "
                    "selection matters a great deal.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "kk": "Зерттеу ұсынымдары",
                "ru": "Рекомендации исследования",
                "en": "Recommendations of the study",
            },
        ),
        (
            "paragraph",
            {
                "kk": (
                    "<p>Платформаны жетілдіру үшін зерттеу авторлары мыналарды "
                    "ұсынады:</p>"
                    "<ul>"
                    "<li>ұсыныстарды жинау кезінде бағыттар бойынша шектеулерді алып "
                    "тастау және құжаттар топтамасына қойылатын талаптарды (эскиздер, "
                    "сметалар және т.\u00a0б.) жеңілдету;</li>"
                    "<li>модерация кезеңіне әртүрлі әлеуметтік топтардың ҮЕҰ арқылы "
                    "ұсынылған өкілдерімен жобаларды талқылауды енгізу;</li>"
                    "<li>ҮЕҰ мен тұрғындарды цифрлық платформа арқылы жобалардың іске "
                    "асырылуын бақылауға тарту.</li>"
                    "</ul>"
                    "<p>Qatysu осы ұсынымдарға сүйенеді: цикл ұсыныстарды жинау, "
                    "модерация, талқылау, сараптама, дауыс беру, қорытындылар және іске "
                    "асыру кезеңдерінен тұрады, ал жобалық ұсыныс мәртебесінің әрбір "
                    "өзгерісі жария негіздемесімен бірге жазылады.</p>"
                ),
                "ru": (
                    "<p>Для совершенствования платформы авторы исследования "
                    "рекомендуют:</p>"
                    "<ul>"
                    "<li>убрать ограничения по направлениям при сборе предложений и "
                    "упростить требования к пакету документов (эскизы, сметы и т.\u00a0д.);</li>"
                    "<li>включить в этап модерации обсуждение проектов с представителями "
                    "разных социальных групп через НПО;</li>"
                    "<li>вовлекать НПО и жителей в контроль реализации проектов через "
                    "цифровую платформу.</li>"
                    "</ul>"
                    "<p>Qatysu строится на этих рекомендациях: цикл включает этапы сбора "
                    "проектных предложений, модерации, обсуждения, экспертизы, "
                    "голосования, подведения итогов и реализации, а каждое изменение "
                    "статуса предложения записывается вместе с публичным "
                    "обоснованием.</p>"
                ),
                "en": (
                    "<p>To improve the platform, the authors of the study recommend:</p>"
                    "<ul>"
                    "<li>removing restrictions on topics when collecting proposals and "
                    "simplifying the required documents (sketches, estimates and so "
                    "on);</li>"
                    "<li>adding to the moderation phase a discussion of projects with "
                    "representatives of different social groups through NGOs;</li>"
                    "<li>involving NGOs and residents in monitoring the implementation of "
                    "projects through the digital platform.</li>"
                    "</ul>"
                    "<p>Qatysu is built on these recommendations: a cycle has the phases "
                    "of collection of proposals, moderation, discussion, expert review, "
                    "voting, results and implementation, and every change in a "
                    "proposal's status is recorded with a public reason.</p>"
                ),
            },
        ),
    ],
}

NEWS_INDEX = {
    "slug": "news",
    "title": {
        "kk": "Жаңалықтар",
        "ru": "Новости",
        "en": "News",
    },
    "intro": {
        "kk": ("Қоғамдық кеңестердің, қоғамдық орталықтардың және қатысу бюджеті циклдерінің жаңалықтары."),
        "ru": "Новости общественных советов, общественных центров и циклов бюджета участия.",
        "en": "News of public councils, public centres and participatory budget cycles.",
    },
}

COUNCILS = [
    {
        "key": "almaty-oblast",
        "name": {
            "kk": "Алматы облысының қоғамдық кеңесі",
            "ru": "Общественный совет Алматинской области",
            "en": "Public Council of Almaty Region",
        },
        "territory": {
            "kk": "Алматы облысы",
            "ru": "Алматинская область",
            "en": "Almaty Region",
        },
        "level": "region",
        "members": 25,
    },
    {
        "key": "turkestan-oblast",
        "name": {
            "kk": "Түркістан облысының қоғамдық кеңесі",
            "ru": "Общественный совет Туркестанской области",
            "en": "Public Council of Turkestan Region",
        },
        "territory": {
            "kk": "Түркістан облысы",
            "ru": "Туркестанская область",
            "en": "Turkestan Region",
        },
        "level": "region",
        "members": 27,
    },
    {
        "key": "aktau-city",
        "name": {
            "kk": "Ақтау қаласының қоғамдық кеңесі",
            "ru": "Общественный совет города Актау",
            "en": "Public Council of Aktau City",
        },
        "territory": {
            "kk": "Ақтау қаласы, Маңғыстау облысы",
            "ru": "город Актау, Мангистауская область",
            "en": "Aktau City, Mangystau Region",
        },
        "level": "city",
        "members": 17,
    },
    {
        "key": "aksu-city",
        "name": {
            "kk": "Ақсу қаласының қоғамдық кеңесі",
            "ru": "Общественный совет города Аксу",
            "en": "Public Council of Aksu City",
        },
        "territory": {
            "kk": "Ақсу қаласы, Павлодар облысы",
            "ru": "город Аксу, Павлодарская область",
            "en": "Aksu City, Pavlodar Region",
        },
        "level": "city",
        "members": 15,
    },
    {
        "key": "baiterek-district",
        "name": {
            "kk": "Бәйтерек ауданының қоғамдық кеңесі",
            "ru": "Общественный совет Байтерекского района",
            "en": "Public Council of Baiterek District",
        },
        "territory": {
            "kk": "Бәйтерек ауданы, Батыс Қазақстан облысы",
            "ru": "Байтерекский район, Западно-Казахстанская область",
            "en": "Baiterek District, West Kazakhstan Region",
        },
        "level": "district",
        "members": 11,
    },
]

NEWS = [
    {
        "slug": "218-public-councils-3915-members",
        "date": date(2024, 9, 16),
        "council": None,
        "title": {
            "kk": "Жергілікті деңгейде 218 қоғамдық кеңес жұмыс істейді",
            "ru": "На местном уровне работают 218 общественных советов",
            "en": "218 public councils work at the local level",
        },
        "intro": {
            "kk": (
                "Барлық деңгейдегі қоғамдық кеңестердің құрамында Қазақстанның "
                "3\u00a0915 азаматы бар, оның ішінде 3\u00a0329 азамат жергілікті өкілді "
                "органдар жанындағы кеңестерде."
            ),
            "ru": (
                "В состав общественных советов всех уровней входят 3\u00a0915 граждан "
                "Казахстана, из них 3\u00a0329 — в советы при местных представительных "
                "органах."
            ),
            "en": (
                "Public councils at all levels have 3,915 members, citizens of "
                "Kazakhstan, of whom 3,329 sit on councils under local representative "
                "bodies."
            ),
        },
        "tags": {
            "kk": ["қоғамдық кеңестер", "жергілікті өзін-өзі басқару"],
            "ru": ["общественные советы", "местное самоуправление"],
            "en": ["public councils", "local self-government"],
        },
        "body": [
            (
                "paragraph",
                {
                    "kk": (
                        "<p>Қазақстан Республикасы Президентінің жанындағы Мемлекеттік "
                        "басқару академиясының зерттеуіне сәйкес, бүгінде жергілікті "
                        "деңгейде ҮЕҰ өкілдерінен құралған <strong>218</strong> қоғамдық "
                        "кеңес жұмыс істейді: оның 20-сы облыстар мен Астана, Алматы, "
                        "Шымкент қалалары деңгейінде, 201-і қалалар мен аудандар "
                        "деңгейінде.</p>"
                    ),
                    "ru": (
                        "<p>По данным исследования Академии государственного управления "
                        "при Президенте Республики Казахстан, сегодня на местном уровне "
                        "действуют <strong>218</strong> общественных советов из "
                        "представителей НПО: 20 — на уровне областей и городов Астаны, "
                        "Алматы и Шымкента, 201 — на уровне городов и районов.</p>"
                    ),
                    "en": (
                        "<p>According to a study by the Academy of Public Administration "
                        "under the President of the Republic of Kazakhstan, "
                        "<strong>218</strong> public councils made up of NGO "
                        "representatives now work at the local level: 20 at the level of "
                        "regions and the cities of Astana, Almaty and Shymkent, and 201 at "
                        "the level of cities and districts.</p>"
                    ),
                },
            ),
            (
                "heading",
                {
                    "kk": "Кеңестердің құрамы",
                    "ru": "Кто входит в советы",
                    "en": "Who sits on the councils",
                },
            ),
            (
                "paragraph",
                {
                    "kk": (
                        "<p>Барлық деңгейдегі қоғамдық кеңестердің құрамына "
                        "<strong>3\u00a0915</strong> азамат кіреді, оның ішінде "
                        "<strong>3\u00a0329</strong> азамат жергілікті өкілді органдар "
                        "(мәслихаттар) жанындағы кеңестерде. Зерттеушілердің атап "
                        "өтуінше, кеңестің құрамын әкім ұсынады, сондықтан оған белсенді "
                        "азаматтық қоғамның кең ауқымды өкілдерінің енуі және кеңес "
                        "жұмысының мәслихат жұмысын қайталамауы маңызды.</p>"
                    ),
                    "ru": (
                        "<p>В состав общественных советов всех уровней входят "
                        "<strong>3\u00a0915</strong> граждан, в том числе "
                        "<strong>3\u00a0329</strong> — в советы при местных "
                        "представительных органах (маслихатах). Исследователи отмечают, "
                        "что состав совета предлагает аким, поэтому важно, чтобы в него "
                        "входил широкий круг активного гражданского общества, а работа "
                        "совета не дублировала работу маслихата.</p>"
                    ),
                    "en": (
                        "<p>Public councils at all levels have <strong>3,915</strong> "
                        "members, including <strong>3,329</strong> on councils under local "
                        "representative bodies (maslikhats). The researchers note that the "
                        "akim proposes the membership of a council, so it matters that it "
                        "includes a broad range of active civil society and that its work "
                        "does not duplicate that of the maslikhat.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "kk": (
                        "Азаматтарды аумақтық даму шешімдерін қабылдау процесіне белсенді "
                        "тарту үшін қоғамдық кеңестер мен жергілікті қоғамдастыққа "
                        "сүйенуге болады."
                    ),
                    "ru": (
                        "Активно вовлекать граждан в принятие решений о развитии "
                        "территорий можно через общественные советы и местное сообщество."
                    ),
                    "en": (
                        "Public councils and the local community are a way to actively "
                        "involve citizens in decisions on territorial development."
                    ),
                },
            ),
        ],
        "translate_to": ["ru", "en"],
    },
    {
        "slug": "public-centres-open-in-four-regions",
        "date": date(2024, 11, 5),
        "council": None,
        "title": {
            "kk": "Төрт облыста қоғамдық орталықтар ашылды",
            "ru": "В четырёх областях открыты общественные центры",
            "en": "Public centres open in four regions",
        },
        "intro": {
            "kk": ("Қоғамдық орталықтар Алматы, Түркістан, Қызылорда және Батыс Қазақстан облыстарында жұмыс істейді."),
            "ru": (
                "Общественные центры работают в Алматинской, Туркестанской, "
                "Кызылординской и Западно-Казахстанской областях."
            ),
            "en": ("Public centres are working in Almaty, Turkestan, Kyzylorda and West Kazakhstan regions."),
        },
        "tags": {
            "kk": ["қоғамдық орталықтар", "жергілікті өзін-өзі басқару", "қатысу бюджеті"],
            "ru": ["общественные центры", "местное самоуправление", "бюджет участия"],
            "en": ["public centres", "local self-government", "participatory budget"],
        },
        "body": [
            (
                "paragraph",
                {
                    "kk": (
                        "<p>Орталықтар өңірлерді дамыту саласындағы уәкілетті орган "
                        "гранттық қаржыландыру аясында іске асыратын «Жергілікті өзін-өзі "
                        "басқаруды дамытуға бағытталған іс-шаралар кешенін ұйымдастыру» "
                        "жобасы бойынша ашылды. Олардың мақсаты — жергілікті өзін-өзі "
                        "басқарудың дамуына жәрдемдесу және халықтың шешім қабылдауға "
                        "қатысуын кеңейту.</p>"
                    ),
                    "ru": (
                        "<p>Центры открыты в рамках проекта «Организация комплекса "
                        "мероприятий, направленных на развитие местного самоуправления», "
                        "который уполномоченный орган в сфере развития регионов реализует "
                        "за счёт грантового финансирования. Их цель — помочь развитию "
                        "местного самоуправления и расширить участие населения в принятии "
                        "решений.</p>"
                    ),
                    "en": (
                        "<p>The centres were opened under the project “Organisation of a "
                        "set of measures aimed at the development of local "
                        "self-government”, which the authorised body for regional "
                        "development carries out with grant funding. Their aim is to "
                        "support the development of local self-government and to widen "
                        "public participation in decision-making.</p>"
                    ),
                },
            ),
            (
                "heading",
                {
                    "kk": "Орталықтар немен көмектеседі",
                    "ru": "Чем помогают центры",
                    "en": "How the centres help",
                },
            ),
            (
                "paragraph",
                {
                    "kk": (
                        "<p>Жоба ауыл тұрғындарына, ҮЕҰ-ға, бастамашыл топтарға және "
                        "шағын гранттарға қатысушыларға әлеуметтік жобалауды оқытуды, "
                        "жергілікті қоғамдастықты жұмылдыру бойынша кеңес беруді, "
                        "ауылдық бастамаларды дамытудағы көшбасшыларды анықтауды және "
                        "олардың цифрлық және қаржылық сауаттылығын арттыруды қамтиды. "
                        "Тұрғындармен кері байланыс үшін жедел желілер, мессенджерлер "
                        "және әлеуметтік желілердегі онлайн-трансляциялар жұмыс "
                        "істейді.</p>"
                    ),
                    "ru": (
                        "<p>Проект включает обучение социальному проектированию для "
                        "сельских жителей, НПО, инициативных групп и участников малых "
                        "грантов, консультации по мобилизации местного сообщества, "
                        "выявление лидеров сельских инициатив и повышение их цифровой и "
                        "финансовой грамотности. Для обратной связи с жителями работают "
                        "горячие линии, мессенджеры и онлайн-трансляции в социальных "
                        "сетях.</p>"
                    ),
                    "en": (
                        "<p>The project includes training in social project design for "
                        "rural residents, NGOs, community groups and small-grant "
                        "participants, advice on mobilising the local community, finding "
                        "leaders of rural initiatives and improving their digital and "
                        "financial literacy. Hotlines, messengers and online broadcasts on "
                        "social media keep up feedback with residents.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "kk": (
                        "Цифрлық платформаларды пайдалану басқару шешімдерін қабылдау "
                        "процесінде азаматтардың белсенділігін арттыруға ықпал етеді."
                    ),
                    "ru": (
                        "Использование цифровых платформ способствует росту активности "
                        "граждан в процессе принятия управленческих решений."
                    ),
                    "en": (
                        "The use of digital platforms contributes to an increase in the "
                        "activity of citizens in the process of making managerial "
                        "decisions."
                    ),
                },
            ),
        ],
        "translate_to": ["ru", "en"],
    },
    {
        "slug": "almaty-region-council-discusses-budget-draft",
        "date": date(2025, 10, 28),
        "council": "almaty-oblast",
        "title": {
            "kk": "Алматы облысының қоғамдық кеңесі облыстық бюджет жобасын талқылады",
            "ru": "Общественный совет Алматинской области обсудил проект областного бюджета",
            "en": "Almaty Region public council discusses the draft regional budget",
        },
        "intro": {
            "kk": (
                "Кеңес отырысында әкімдік облыстық бюджеттің 2026 жылға арналған жобасын "
                "таныстырды; кеңес мүшелері оған қатысу бюджетінің жобаларын енгізуді "
                "ұсынды."
            ),
            "ru": (
                "На заседании совета акимат представил проект областного бюджета на "
                "2026 год; члены совета предложили предусмотреть в нём проекты бюджета "
                "участия."
            ),
            "en": (
                "At the council meeting the akimat presented the draft regional budget "
                "for 2026; council members proposed including participatory budget "
                "projects in it."
            ),
        },
        "tags": {
            "kk": ["қоғамдық кеңестер", "жергілікті бюджет"],
            "ru": ["общественные советы", "местный бюджет"],
            "en": ["public councils", "local budget"],
        },
        "body": [
            (
                "paragraph",
                {
                    "kk": (
                        "<p>Талқылау Қазақстан Республикасының 2015 жылғы "
                        '<a href="https://adilet.zan.kz/rus/docs/Z1500000383">«Қоғамдық '
                        "кеңестер туралы» Заңында</a> белгіленген тәртіппен өтті: "
                        "облыстардың, республикалық маңызы бар қалалардың және астананың "
                        "әкімдіктері бюджет жобасын және оның атқарылуы туралы жылдық "
                        "есепті қоғамдық кеңес отырысында талқылайды.</p>"
                    ),
                    "ru": (
                        "<p>Обсуждение прошло в порядке, установленном "
                        '<a href="https://adilet.zan.kz/rus/docs/Z1500000383">Законом '
                        "Республики Казахстан «Об общественных советах»</a> 2015 года: "
                        "акиматы областей, городов республиканского значения и столицы "
                        "обсуждают проект бюджета и годовой отчёт о его исполнении на "
                        "заседании общественного совета.</p>"
                    ),
                    "en": (
                        "<p>The discussion followed the procedure set by the 2015 "
                        '<a href="https://adilet.zan.kz/rus/docs/Z1500000383">Law of the '
                        "Republic of Kazakhstan “On public councils”</a>: the akimats of "
                        "regions, cities of republican significance and the capital "
                        "discuss the draft budget and the annual report on its execution "
                        "at a meeting of the public council.</p>"
                    ),
                },
            ),
            (
                "heading",
                {
                    "kk": "Кеңес мүшелерінің ұсыныстары",
                    "ru": "Предложения членов совета",
                    "en": "Proposals from council members",
                },
            ),
            (
                "paragraph",
                {
                    "kk": (
                        "<p>Кеңес мүшелері бюджетте қатысу бюджеті жобаларына қаражат "
                        "көздеуді, жобалық ұсыныстарды модерация кезеңінде-ақ ҮЕҰ-мен "
                        "талқылауды және тұрғындар орындалуын бақылай алуы үшін жеңімпаз "
                        "жобалардың іске асырылу барысын жариялап отыруды ұсынды. "
                        "Кеңестің ұсыныстары әкімдік пен мәслихатқа жіберілді.</p>"
                    ),
                    "ru": (
                        "<p>Члены совета предложили предусмотреть в бюджете средства на "
                        "проекты бюджета участия, обсуждать проектные предложения с НПО "
                        "уже на этапе модерации и публиковать ход реализации "
                        "проектов-победителей, чтобы жители могли следить за "
                        "исполнением. Предложения совета направлены в акимат и "
                        "маслихат.</p>"
                    ),
                    "en": (
                        "<p>Council members proposed setting aside money in the budget for "
                        "participatory budget projects, discussing proposals with NGOs "
                        "already during moderation, and publishing the progress of the "
                        "winning projects so that residents can follow their "
                        "implementation. The council's proposals have been sent to the "
                        "akimat and the maslikhat.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "kk": (
                        "Мемлекеттік партисипаторлық бюджеттеу жобалары процестердің "
                        "ашықтығын және азаматтық қоғам өкілдерін кеңірек тартуды талап "
                        "етеді."
                    ),
                    "ru": (
                        "Государственные проекты партисипаторного бюджетирования требуют "
                        "прозрачности процессов и вовлечения более широкого круга "
                        "представителей гражданского общества."
                    ),
                    "en": (
                        "State participatory budgeting projects require transparent "
                        "processes and the involvement of a wider range of civil society "
                        "representatives."
                    ),
                },
            ),
        ],
        "translate_to": ["ru", "en"],
    },
    {
        # Translated into Russian only, so the English site shows its
        # "not yet translated" fallback for this item.
        "slug": "aktau-collection-of-proposals-starts",
        "date": date(2026, 2, 9),
        "council": "aktau-city",
        "title": {
            "kk": "Ақтауда ұсыныстарды жинау басталды",
            "ru": "В Актау начался сбор проектных предложений",
            "en": "Collection of proposals starts in Aktau",
        },
        "intro": {
            "kk": (
                "Ақтау тұрғындары «Берекелі Бастама» платформасында қаланы "
                "абаттандыруға арналған жобалық ұсыныстарын жібере алады."
            ),
            "ru": (
                "Жители Актау могут отправлять проектные предложения по благоустройству "
                "города на платформе «Берекелі Бастама»."
            ),
            "en": ("Residents of Aktau can submit proposals to improve the city on the Berekeli Bastama platform."),
        },
        "tags": {
            "kk": ["қатысу бюджеті", "жергілікті бюджет", "қоғамдық кеңестер"],
            "ru": ["бюджет участия", "местный бюджет", "общественные советы"],
            "en": ["participatory budget", "local budget", "public councils"],
        },
        "body": [
            (
                "paragraph",
                {
                    "kk": (
                        '<p><a href="https://budget-uchastiya.kz/aktau">budget-uchastiya.kz</a> '
                        "платформасында қатысу бюджетінің жаңа циклі басталды. "
                        "Ұсыныстарды жинаудан кейін модерация, дауыс беру, қорытындыларды "
                        "шығару және іске асыру кезеңдері өтеді. Ақтау — облыстық маңызы "
                        "бар қала, сондықтан бір жобалық ұсыныстың шекті құны — "
                        "15\u00a0000 АЕК. Дауыс беруге 16 жасқа толған тұрғындар қатыса "
                        "алады.</p>"
                    ),
                    "ru": (
                        "<p>На платформе "
                        '<a href="https://budget-uchastiya.kz/aktau">budget-uchastiya.kz</a> '
                        "начался новый цикл бюджета участия. После сбора проектных "
                        "предложений пройдут модерация, голосование, подведение итогов и "
                        "реализация. Актау — город областного значения, поэтому предельная "
                        "стоимость одного проектного предложения — 15\u00a0000 МРП. "
                        "Голосовать смогут жители в возрасте от 16 лет.</p>"
                    ),
                    "en": (
                        "<p>A new participatory budget cycle has started on "
                        '<a href="https://budget-uchastiya.kz/aktau">budget-uchastiya.kz</a>. '
                        "Collection of proposals will be followed by moderation, voting, "
                        "results and implementation. Aktau is a city of regional "
                        "significance, so the cap for one proposal is 15,000 MCI. "
                        "Residents aged 16 and over can vote.</p>"
                    ),
                },
            ),
            (
                "heading",
                {
                    "kk": "Өткен циклдің сабақтары",
                    "ru": "Уроки прошлого цикла",
                    "en": "Lessons from an earlier cycle",
                },
            ),
            (
                "paragraph",
                {
                    "kk": (
                        "<p>Зерттеу деректері бойынша, 2022 жылы Ақтаудағы платформада "
                        "16 жасқа толған 142\u00a0549 тұрғынға 53 жобалық ұсыныс келген; "
                        "оның 39-ы 0-ден 10-ға дейін дауыс жинаған, ал бір жобаға "
                        "берілген ең көп дауыс саны — 331. Ақтау қаласының қоғамдық "
                        "кеңесі авторларға идеяларын көршілерімен және ҮЕҰ-мен алдын ала "
                        "талқылауды, ал тұрғындарға жеңімпаз жобалардың іске асырылуын "
                        "бақылауды ұсынады.</p>"
                    ),
                    "ru": (
                        "<p>По данным исследования, в 2022 году на платформе в Актау было "
                        "53 проектных предложения при 142\u00a0549 жителях в возрасте от "
                        "16 лет; 39 из них набрали от 0 до 10 голосов, а наибольшее число "
                        "голосов за один проект составило 331. Общественный совет города "
                        "Актау рекомендует авторам заранее обсуждать идеи с соседями и "
                        "НПО, а жителям — следить за реализацией проектов-победителей.</p>"
                    ),
                    "en": (
                        "<p>According to the study, in 2022 the platform in Aktau had "
                        "53 proposals for 142,549 residents aged 16 and over; 39 of them "
                        "received between 0 and 10 votes, and the highest number of votes "
                        "for a single project was 331. The Aktau City public council "
                        "advises authors to discuss their ideas with neighbours and NGOs "
                        "beforehand, and residents to follow the implementation of the "
                        "winning projects.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "kk": "Тұрғындар өздеріне ұнаған жобаларды таңдап, оларға дауыс береді.",
                    "ru": "Жители выбирают понравившиеся проекты и голосуют за них.",
                    "en": "Residents choose the projects they like and vote for them.",
                },
            ),
        ],
        "translate_to": ["ru"],
    },
]

DOCUMENT_INDEX = {
    "slug": "documents",
    "title": {
        "kk": "Құжаттар",
        "ru": "Документы",
        "en": "Documents",
    },
    "intro": {
        "kk": (
            "Жергілікті өзін-өзі басқаруды дамыту және қатысу бюджеті жөніндегі "
            "тұжырымдамалар мен нормативтік құқықтық актілер."
        ),
        "ru": ("Концепции и нормативные правовые акты о развитии местного самоуправления и бюджете участия."),
        "en": ("Concepts and legal acts on the development of local self-government and the participatory budget."),
    },
}

CONCEPT = {
    "slug": "concept-local-self-government-2025",
    "title": {
        "kk": ("Қазақстан Республикасында жергілікті өзін-өзі басқаруды дамытудың 2025 жылға дейінгі тұжырымдамасы"),
        "ru": "Концепция развития местного самоуправления в Республике Казахстан до 2025 года",
        "en": ("Concept for the Development of Local Self-Government in the Republic of Kazakhstan until 2025"),
    },
    "number": "639",
    "date_adopted": date(2021, 8, 18),
    "issuing_body": {
        "kk": "Қазақстан Республикасының Президенті",
        "ru": "Президент Республики Казахстан",
        "en": "President of the Republic of Kazakhstan",
    },
    "status": "in_force",
    "source_url": "https://adilet.zan.kz/rus/docs/U2100000639",
    "summary": {
        "kk": (
            "Тұжырымдама Қазақстан Республикасы Президентінің 2021 жылғы 18 тамыздағы "
            "№ 639 Жарлығымен бекітілген. Ол 2025 жылға дейін жергілікті өзін-өзі "
            "басқаруды дамыту, орталықсыздандыру және азаматтардың жергілікті маңызы бар "
            "мәселелерді шешуге қатысуы жөніндегі тәсілдерді айқындайды."
        ),
        "ru": (
            "Концепция утверждена Указом Президента Республики Казахстан от 18 августа "
            "2021 года № 639. Она определяет подходы к развитию местного самоуправления, "
            "децентрализации и участию граждан в решении вопросов местного значения "
            "до 2025 года."
        ),
        "en": (
            "The Concept was approved by Decree of the President of the Republic of "
            "Kazakhstan No 639 of 18 August 2021. It sets out approaches to developing "
            "local self-government, decentralisation and citizen participation in "
            "matters of local importance until 2025."
        ),
    },
    "body": [
        (
            "heading",
            {
                "kk": "Жалпы ережелер",
                "ru": "Общие положения",
                "en": "General provisions",
            },
        ),
        (
            "paragraph",
            {
                "kk": (
                    "<p>Қазақстан Республикасында жергілікті өзін-өзі басқаруды "
                    "дамытудың 2025 жылға дейінгі тұжырымдамасы Қазақстан Республикасы "
                    "Президентінің 2021 жылғы 18 тамыздағы № 639 Жарлығымен бекітілді. "
                    "Оны бекіту Мемлекет басшысының 2020 жылғы 1 қыркүйектегі «Жаңа "
                    "жағдайдағы Қазақстан: іс-қимыл кезеңі» Жолдауын іске асыру "
                    "жөніндегі жалпыұлттық іс-қимыл жоспарының міндеттерінің бірі болды. "
                    "1995 жылғы Конституция халықтың жергілікті маңызы бар мәселелерді "
                    "дербес шешуін қамтамасыз ететін жергілікті өзін-өзі басқаруды "
                    "таниды.</p>"
                    "<p>Төменде Қазақстан Республикасы Президентінің жанындағы "
                    "Мемлекеттік басқару академиясының зерттеуі негізінде қысқаша мазмұны "
                    "берілген; ресми мәтін "
                    '<a href="https://adilet.zan.kz/rus/docs/U2100000639">adilet.zan.kz</a> '
                    "сайтында жарияланған.</p>"
                ),
                "ru": (
                    "<p>Концепция развития местного самоуправления в Республике "
                    "Казахстан до 2025 года утверждена Указом Президента Республики "
                    "Казахстан от 18 августа 2021 года № 639. Её утверждение было одной "
                    "из задач Общенационального плана действий по реализации Послания "
                    "Главы государства «Казахстан в новой реальности: время действовать» "
                    "от 1 сентября 2020 года. Конституция 1995 года признаёт местное "
                    "самоуправление, обеспечивающее самостоятельное решение населением "
                    "вопросов местного значения.</p>"
                    "<p>Ниже приведено краткое изложение по материалам исследования "
                    "Академии государственного управления при Президенте Республики "
                    "Казахстан; официальный текст опубликован на "
                    '<a href="https://adilet.zan.kz/rus/docs/U2100000639">adilet.zan.kz</a>.</p>'
                ),
                "en": (
                    "<p>The Concept for the Development of Local Self-Government in the "
                    "Republic of Kazakhstan until 2025 was approved by Decree of the "
                    "President of the Republic of Kazakhstan No 639 of 18 August 2021. "
                    "Its approval was one of the tasks of the Nationwide Action Plan to "
                    "implement the Head of State's Address of 1 September 2020, "
                    "“Kazakhstan in a new reality: time for action”. The 1995 "
                    "Constitution recognises local self-government, which ensures that "
                    "the population resolves matters of local importance "
                    "independently.</p>"
                    "<p>Below is a short summary based on a study by the Academy of "
                    "Public Administration under the President of the Republic of "
                    "Kazakhstan; the official text is published at "
                    '<a href="https://adilet.zan.kz/rus/docs/U2100000639">adilet.zan.kz</a>.</p>'
                ),
            },
        ),
        (
            "heading",
            {
                "kk": "Мақсаттары",
                "ru": "Цели",
                "en": "Goals",
            },
        ),
        (
            "paragraph",
            {
                "kk": (
                    "<p>Тұжырымдама жергілікті өзін-өзі басқару институттарын дамытуға "
                    "және ел өңірлерін біркелкі дамытуға бағытталған. Оның тәсілдері "
                    "жергілікті қоғамдастықтың мүдделері мен қажеттіліктерін бағалау "
                    "негізінде ауылдық және қалалық аумақтарды инклюзивті жоспарлауды, "
                    "сондай-ақ азаматтар мен мемлекеттің «адамға бағытталған» "
                    "қағидатына негізделген өзара іс-қимылының жаңа моделін құруды "
                    "көздейді.</p>"
                ),
                "ru": (
                    "<p>Концепция направлена на развитие институтов местного "
                    "самоуправления и равномерное развитие регионов страны. Её подходы "
                    "предполагают инклюзивное планирование сельских и городских "
                    "территорий на основе оценки интересов и потребностей местного "
                    "сообщества и построение новой модели взаимодействия граждан и "
                    "государства, основанной на принципе человекоцентричности.</p>"
                ),
                "en": (
                    "<p>The Concept aims to develop the institutions of local "
                    "self-government and to ensure the uniform development of the "
                    "country's regions. Its approaches include inclusive planning of rural "
                    "and urban areas based on an assessment of the interests and needs of "
                    "the local community, and building a new model of interaction between "
                    "citizens and the state based on the principle of "
                    "human-centricity.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "kk": "Орталықсыздандыру",
                "ru": "Децентрализация",
                "en": "Decentralisation",
            },
        ),
        (
            "paragraph",
            {
                "kk": (
                    "<p>Орталықсыздандыру деңгейі жергілікті өзін-өзі басқарудың "
                    "мемлекеттік басқару жүйесі шеңберінде функцияларды бөлудегі "
                    "рөлімен тығыз байланысты және өңірлік даму үшін шешуші мәнге ие. "
                    "Соңғы жылдардағы реформалар мәслихаттардың өкілеттіктерін "
                    "кеңейтуді, жергілікті өзін-өзі басқару органдарын тікелей "
                    "қаржыландыруды және олардың мүліктік базасын кеңейтуді "
                    "көздейді.</p>"
                ),
                "ru": (
                    "<p>Уровень децентрализации тесно связан с тем, как местное "
                    "самоуправление выполняет свою роль в распределении функций в системе "
                    "государственного управления, и имеет решающее значение для "
                    "регионального развития. Реформы последних лет предусматривают "
                    "расширение полномочий маслихатов, прямое финансирование органов "
                    "местного самоуправления и расширение их имущественной базы.</p>"
                ),
                "en": (
                    "<p>The level of decentralisation is closely tied to how local "
                    "self-government performs its role in the distribution of functions "
                    "within the public administration system, and it is crucial for "
                    "regional development. Recent reforms provide for wider powers for "
                    "maslikhats, direct funding of local self-government bodies and a "
                    "larger property base for them.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "kk": "Қоғамдық кеңестер",
                "ru": "Общественные советы",
                "en": "Public councils",
            },
        ),
        (
            "paragraph",
            {
                "kk": (
                    "<p>Қоғамдық кеңестер — ҮЕҰ мен азаматтардың жергілікті маңызы бар "
                    "мәселелерді шешуге қатысу арналарының бірі. Жергілікті деңгейде "
                    "олардың саны — 218: оның 20-сы облыстар мен Астана, Алматы, Шымкент "
                    "қалалары деңгейінде, 201-і қалалар мен аудандар деңгейінде. Олардың "
                    "құрамында 3\u00a0915 азамат бар, оның ішінде 3\u00a0329 азамат "
                    "жергілікті өкілді органдар жанындағы кеңестерде. 2015 жылғы "
                    "«Қоғамдық кеңестер туралы» Заңға сәйкес облыстық бюджеттің жобасы "
                    "мен оның атқарылуы туралы жылдық есеп қоғамдық кеңес отырысында "
                    "талқыланады.</p>"
                ),
                "ru": (
                    "<p>Общественные советы — один из каналов участия НПО и граждан в "
                    "решении вопросов местного значения. На местном уровне их 218: 20 — "
                    "на уровне областей и городов Астаны, Алматы и Шымкента, 201 — на "
                    "уровне городов и районов. В их составе 3\u00a0915 граждан, в том "
                    "числе 3\u00a0329 — в советах при местных представительных органах. "
                    "По Закону «Об общественных советах» 2015 года проект областного "
                    "бюджета и годовой отчёт о его исполнении обсуждаются на заседании "
                    "общественного совета.</p>"
                ),
                "en": (
                    "<p>Public councils are one of the channels through which NGOs and "
                    "citizens take part in matters of local importance. There are 218 at "
                    "the local level: 20 at the level of regions and the cities of "
                    "Astana, Almaty and Shymkent, and 201 at the level of cities and "
                    "districts. They have 3,915 members, including 3,329 on councils "
                    "under local representative bodies. Under the 2015 Law “On public "
                    "councils”, the draft regional budget and the annual report on its "
                    "execution are discussed at a meeting of the public council.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "kk": "Азаматтардың қатысуы және қатысу бюджеті",
                "ru": "Участие граждан и бюджет участия",
                "en": "Citizen participation and participatory budget",
            },
        ),
        (
            "paragraph",
            {
                "kk": (
                    "<p>Жолдауды іске асыру жоспары аясында ауылдардың, кенттердің және "
                    "ауылдық округтердің әкімдерін тікелей сайлау өткізіліп, мәслихат "
                    "отырыстарының онлайн-трансляциясы ұйымдастырылды. Өңірлерді дамыту "
                    "саласындағы уәкілетті орган гранттық қаржыландыру есебінен екі "
                    "жобаны іске асырады: «Жергілікті өзін-өзі басқаруды дамытуға "
                    "бағытталған іс-шаралар кешенін ұйымдастыру» және «Ауылдағы "
                    "азаматтық бастамаларды дамытуға бағытталған іс-шаралар кешенін "
                    "ұйымдастыру».</p>"
                    "<p>Бірінші жоба азаматтарды, қоғамдық ұйымдарды, жергілікті билік "
                    "органдары мен жергілікті қоғамдастық жиналыстарын ел өңірлерін "
                    "біркелкі дамытуға тарту үшін партисипаторлық бюджеттеудің цифрлық "
                    "платформасын пайдаланады. Оның аясында "
                    "Алматы, Түркістан, Қызылорда және Батыс Қазақстан облыстарында "
                    "қоғамдық орталықтар ашылды.</p>"
                ),
                "ru": (
                    "<p>В рамках плана по реализации Послания проведены прямые выборы "
                    "акимов сёл, посёлков и сельских округов, организованы "
                    "онлайн-трансляции заседаний маслихатов. Уполномоченный орган в сфере "
                    "развития регионов реализует за счёт грантового финансирования два "
                    "проекта: «Организация комплекса мероприятий, направленных на "
                    "развитие местного самоуправления» и «Организация комплекса "
                    "мероприятий, направленных на развитие гражданских инициатив на "
                    "селе».</p>"
                    "<p>Первый из них использует цифровую платформу "
                    "партисипаторного бюджетирования, чтобы привлечь граждан, "
                    "общественные организации, местные органы власти и собрания местного "
                    "сообщества к равномерному развитию регионов страны. В его рамках "
                    "открыты общественные центры в Алматинской, Туркестанской, "
                    "Кызылординской и Западно-Казахстанской областях.</p>"
                ),
                "en": (
                    "<p>Under the plan to implement the Address, direct elections of "
                    "akims of villages, settlements and rural districts have been held, "
                    "and maslikhat sessions are broadcast online. The authorised body for "
                    "regional development carries out two grant-funded projects: "
                    "“Organisation of a set of measures aimed at the development of local "
                    "self-government” and “Organisation of a set of measures aimed at the "
                    "development of civic initiatives in rural areas”.</p>"
                    "<p>The first of them uses a digital participatory "
                    "budgeting platform to involve citizens, public organisations, local "
                    "authorities and local community meetings in the uniform development "
                    "of the country's regions. Under it, public centres have "
                    "been opened in Almaty, Turkestan, Kyzylorda and West Kazakhstan "
                    "regions.</p>"
                ),
            },
        ),
        (
            "heading",
            {
                "kk": "Күтілетін нәтижелер",
                "ru": "Ожидаемые результаты",
                "en": "Expected results",
            },
        ),
        (
            "paragraph",
            {
                "kk": (
                    "<p>Цифрлық партисипаторлық бюджеттеу жергілікті өзін-өзі басқару "
                    "және азаматтық қоғам институттарының рөлін арттырады, ал "
                    "азаматтардың басқару шешімдерін қабылдауға қатысуы өңірлердің "
                    "біркелкі дамуына ықпал етеді деп күтілуде. Бүкіл республика "
                    "деңгейінде іске қосылған «Берекелі Бастама» жобасы партисипаторлық "
                    "бюджеттеуді дамытудың және жалпы аумақты дамытудың драйвері бола "
                    "алады.</p>"
                ),
                "ru": (
                    "<p>Ожидается, что цифровое партисипаторное бюджетирование повысит "
                    "роль институтов местного самоуправления и гражданского общества, а "
                    "участие граждан в принятии управленческих решений будет "
                    "способствовать равномерному развитию регионов. Запущенный по всей "
                    "республике проект «Берекелі Бастама» может стать драйвером развития "
                    "партисипаторного бюджетирования и развития территорий в целом.</p>"
                ),
                "en": (
                    "<p>Digital participatory budgeting is expected to increase the role "
                    "of the institutions of local self-government and civil society, and "
                    "citizens' participation in managerial decisions should support the "
                    "uniform development of the regions. The Berekeli Bastama project, "
                    "launched across the whole republic, can become a driver for the "
                    "development of participatory budgeting and of the territory as a "
                    "whole.</p>"
                ),
            },
        ),
    ],
}

CENTRES_INDEX = {
    "slug": "public-centres",
    "title": {
        "kk": "Қоғамдық орталықтар",
        "ru": "Общественные центры",
        "en": "Public centres",
    },
    "intro": {
        "kk": (
            "Қоғамдық орталықтар жергілікті өзін-өзі басқарудың дамуына көмектеседі: "
            "мұнда әлеуметтік жобалауды үйретеді, жобалық ұсыныс дайындауға көмектеседі "
            "және смартфоны жоқ тұрғындарға дауыс беруге жәрдемдеседі."
        ),
        "ru": (
            "Общественные центры помогают развитию местного самоуправления: здесь "
            "обучают социальному проектированию, помогают подготовить проектное "
            "предложение и проголосовать жителям без смартфона."
        ),
        "en": (
            "Public centres support the development of local self-government: they teach "
            "social project design, help prepare proposals and help residents without a "
            "smartphone to vote."
        ),
    },
}

CENTRES = [
    {
        "key": "almaty-region",
        "name": {
            "kk": "Алматы облысының қоғамдық орталығы",
            "ru": "Общественный центр Алматинской области",
            "en": "Almaty Region Public Centre",
        },
        "region": {
            "kk": "Алматы облысы",
            "ru": "Алматинская область",
            "en": "Almaty Region",
        },
        "address": {
            "kk": "Қонаев қаласы, Абай көшесі, 10",
            "ru": "г. Конаев, ул. Абая, 10",
            "en": "10 Abai Street, Qonaev",
        },
        "opening_hours": {
            "kk": "Дүйсенбі–жұма: 09:00–18:00, түскі үзіліс 13:00–14:00",
            "ru": "Пн–пт: 09:00–18:00, перерыв 13:00–14:00",
            "en": "Mon–Fri: 09:00–18:00, lunch break 13:00–14:00",
        },
        "services": {
            "kk": (
                "<ul>"
                "<li>Ауыл тұрғындарына, ҮЕҰ мен бастамашыл топтарға әлеуметтік жобалауды оқыту</li>"
                "<li>Шағын гранттар конкурсына қатысушыларға кеңес беру</li>"
                "<li>Қатысу бюджетіне жобалық ұсыныс дайындауға және жіберуге көмектесу</li>"
                "<li>Смартфоны жоқ тұрғындарға оператордың көмегімен дауыс беру</li>"
                "</ul>"
            ),
            "ru": (
                "<ul>"
                "<li>Обучение социальному проектированию для сельских жителей, НПО и "
                "инициативных групп</li>"
                "<li>Консультации для участников конкурса малых грантов</li>"
                "<li>Помощь в подготовке и отправке проектных предложений в бюджет участия</li>"
                "<li>Голосование с помощью оператора для жителей без смартфона</li>"
                "</ul>"
            ),
            "en": (
                "<ul>"
                "<li>Training in social project design for rural residents, NGOs and community "
                "groups</li>"
                "<li>Consultations for small-grant participants</li>"
                "<li>Help with preparing and submitting participatory budget proposals</li>"
                "<li>Assisted voting with an operator for residents without a smartphone</li>"
                "</ul>"
            ),
        },
        "phone": "+7 72772 00 000",
        "email": "almaty-region.centre@example.kz",
    },
    {
        "key": "turkestan-region",
        "name": {
            "kk": "Түркістан облысының қоғамдық орталығы",
            "ru": "Общественный центр Туркестанской области",
            "en": "Turkestan Region Public Centre",
        },
        "region": {
            "kk": "Түркістан облысы",
            "ru": "Туркестанская область",
            "en": "Turkestan Region",
        },
        "address": {
            "kk": "Түркістан қаласы, Тәуке хан даңғылы, 20",
            "ru": "г. Туркестан, просп. Тауке хана, 20",
            "en": "20 Tauke Khan Avenue, Turkestan",
        },
        "opening_hours": {
            "kk": "Дүйсенбі–жұма: 09:00–18:00; сенбі: 10:00–14:00",
            "ru": "Пн–пт: 09:00–18:00; сб: 10:00–14:00",
            "en": "Mon–Fri: 09:00–18:00; Sat: 10:00–14:00",
        },
        "services": {
            "kk": (
                "<ul>"
                "<li>Ауыл тұрғындарына, ҮЕҰ мен бастамашыл топтарға әлеуметтік жобалауды оқыту</li>"
                "<li>Ауылдық бастамалардың көшбасшыларына арналған цифрлық және қаржылық "
                "сауаттылық сабақтары</li>"
                "<li>Қатысу бюджетіне жобалық ұсыныс дайындауға және жіберуге көмектесу</li>"
                "<li>Смартфоны жоқ тұрғындарға оператордың көмегімен дауыс беру</li>"
                "</ul>"
            ),
            "ru": (
                "<ul>"
                "<li>Обучение социальному проектированию для сельских жителей, НПО и "
                "инициативных групп</li>"
                "<li>Занятия по цифровой и финансовой грамотности для лидеров сельских "
                "инициатив</li>"
                "<li>Помощь в подготовке и отправке проектных предложений в бюджет участия</li>"
                "<li>Голосование с помощью оператора для жителей без смартфона</li>"
                "</ul>"
            ),
            "en": (
                "<ul>"
                "<li>Training in social project design for rural residents, NGOs and community "
                "groups</li>"
                "<li>Digital and financial literacy classes for leaders of rural initiatives</li>"
                "<li>Help with preparing and submitting participatory budget proposals</li>"
                "<li>Assisted voting with an operator for residents without a smartphone</li>"
                "</ul>"
            ),
        },
        "phone": "+7 72533 00 000",
        "email": "turkestan-region.centre@example.kz",
    },
    {
        "key": "kyzylorda-region",
        "name": {
            "kk": "Қызылорда облысының қоғамдық орталығы",
            "ru": "Общественный центр Кызылординской области",
            "en": "Kyzylorda Region Public Centre",
        },
        "region": {
            "kk": "Қызылорда облысы",
            "ru": "Кызылординская область",
            "en": "Kyzylorda Region",
        },
        "address": {
            "kk": "Қызылорда қаласы, Әйтеке би көшесі, 30",
            "ru": "г. Кызылорда, ул. Айтеке би, 30",
            "en": "30 Aiteke Bi Street, Kyzylorda",
        },
        "opening_hours": {
            "kk": "Дүйсенбі–жұма: 09:00–18:00, түскі үзіліс 13:00–14:00",
            "ru": "Пн–пт: 09:00–18:00, перерыв 13:00–14:00",
            "en": "Mon–Fri: 09:00–18:00, lunch break 13:00–14:00",
        },
        "services": {
            "kk": (
                "<ul>"
                "<li>Ауыл тұрғындарына, ҮЕҰ мен бастамашыл топтарға әлеуметтік жобалауды оқыту</li>"
                "<li>Шағын гранттар конкурсына қатысушыларға кеңес беру</li>"
                "<li>Қатысу бюджетіне жобалық ұсыныс дайындауға және жіберуге көмектесу</li>"
                "<li>Смартфоны жоқ тұрғындарға оператордың көмегімен дауыс беру</li>"
                "</ul>"
            ),
            "ru": (
                "<ul>"
                "<li>Обучение социальному проектированию для сельских жителей, НПО и "
                "инициативных групп</li>"
                "<li>Консультации для участников конкурса малых грантов</li>"
                "<li>Помощь в подготовке и отправке проектных предложений в бюджет участия</li>"
                "<li>Голосование с помощью оператора для жителей без смартфона</li>"
                "</ul>"
            ),
            "en": (
                "<ul>"
                "<li>Training in social project design for rural residents, NGOs and community "
                "groups</li>"
                "<li>Consultations for small-grant participants</li>"
                "<li>Help with preparing and submitting participatory budget proposals</li>"
                "<li>Assisted voting with an operator for residents without a smartphone</li>"
                "</ul>"
            ),
        },
        "phone": "+7 7242 00 00 00",
        "email": "kyzylorda-region.centre@example.kz",
    },
    {
        "key": "west-kazakhstan-region",
        "name": {
            "kk": "Батыс Қазақстан облысының қоғамдық орталығы",
            "ru": "Общественный центр Западно-Казахстанской области",
            "en": "West Kazakhstan Region Public Centre",
        },
        "region": {
            "kk": "Батыс Қазақстан облысы",
            "ru": "Западно-Казахстанская область",
            "en": "West Kazakhstan Region",
        },
        "address": {
            "kk": "Орал қаласы, Достық даңғылы, 40",
            "ru": "г. Уральск, просп. Достык, 40",
            "en": "40 Dostyk Avenue, Oral",
        },
        "opening_hours": {
            "kk": "Дүйсенбі–жұма: 09:00–18:00; сенбі: 10:00–14:00",
            "ru": "Пн–пт: 09:00–18:00; сб: 10:00–14:00",
            "en": "Mon–Fri: 09:00–18:00; Sat: 10:00–14:00",
        },
        "services": {
            "kk": (
                "<ul>"
                "<li>Ауыл тұрғындарына, ҮЕҰ мен бастамашыл топтарға әлеуметтік жобалауды оқыту</li>"
                "<li>Ауылдық бастамалардың көшбасшыларына арналған цифрлық және қаржылық "
                "сауаттылық сабақтары</li>"
                "<li>Қатысу бюджетіне жобалық ұсыныс дайындауға және жіберуге көмектесу</li>"
                "<li>Смартфоны жоқ тұрғындарға оператордың көмегімен дауыс беру</li>"
                "</ul>"
            ),
            "ru": (
                "<ul>"
                "<li>Обучение социальному проектированию для сельских жителей, НПО и "
                "инициативных групп</li>"
                "<li>Занятия по цифровой и финансовой грамотности для лидеров сельских "
                "инициатив</li>"
                "<li>Помощь в подготовке и отправке проектных предложений в бюджет участия</li>"
                "<li>Голосование с помощью оператора для жителей без смартфона</li>"
                "</ul>"
            ),
            "en": (
                "<ul>"
                "<li>Training in social project design for rural residents, NGOs and community "
                "groups</li>"
                "<li>Digital and financial literacy classes for leaders of rural initiatives</li>"
                "<li>Help with preparing and submitting participatory budget proposals</li>"
                "<li>Assisted voting with an operator for residents without a smartphone</li>"
                "</ul>"
            ),
        },
        "phone": "+7 7112 00 00 00",
        "email": "west-kazakhstan-region.centre@example.kz",
    },
]
