//! Whole-pipeline behaviour on short Arabic texts written for these tests.
use rasd_extract::Pipeline;
use rasd_model::{Document, EventType, IsoDate, Record, Role, Stance};

fn run(text: &str, published: &str) -> Record {
    let mut doc = Document::new("t", text);
    doc.meta.published = IsoDate::parse(published).ok();
    Pipeline::new().extract(&doc)
}

macro_rules! t {
    ($name:ident, $text:expr, $published:expr, |$r:ident| $check:block) => {
        #[test]
        fn $name() {
            let $r = run($text, $published);
            $check
        }
    };
}

t!(
    drone_attack_with_dual_and_weekday,
    "قال مصدر أمني إن طائرتين مسيرتين هاجمتا قاعدة عين الأسد في محافظة الأنبار، الخميس.",
    "2024-03-09",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let e = &r.events[0];
        assert_eq!(e.kind, EventType::AirDroneStrike);
        assert_eq!(e.date.as_deref(), Some("2024-03-07"));
        assert_eq!(e.count, Some(2));
        assert_eq!(country(e), Some("IQ"));
        assert_eq!(e.claims.len(), 1);
        assert_eq!(e.claims[0].stance, Stance::Asserts);
        assert!(e.claims[0].anonymous);
    }
);

t!(
    rockets_with_casualties,
    "سقطت ثلاثة صواريخ على قاعدة حرير في أربيل، ما أسفر عن مقتل جنديين وإصابة خمسة آخرين.",
    "2024-03-09",
    |r| {
        let e = of_kind(&r, EventType::MissileArtillery);
        assert_eq!(e.killed, Some(2));
        assert_eq!(e.injured, Some(5));
    }
);

t!(denial_makes_a_contradiction, "قال مصدر عسكري لوكالة رويترز إن طائرة مسيرة استهدفت قاعدة التنف، السبت. لكن وزارة الدفاع الأميركية قالت إنها ليست على علم بأي هجوم على قاعدة التنف.", "2024-03-09", |r| {
    assert_eq!(r.events.len(), 1, "{:#?}", r.events);
    let e = &r.events[0];
    assert!(e.contradiction, "{:#?}", e.claims);
    assert!(e.claims.iter().any(|c| c.stance == Stance::Unconfirmed));
    assert!(e.claims.iter().any(|c| c.via.as_deref() == Some("وكالة رويترز")));
});

t!(
    negated_responsibility_is_no_claim,
    "استهدفت طائرة مسيرة قاعدة حرير الجوية. ولم تتبن أي جهة الهجوم.",
    "2024-03-09",
    |r| {
        assert!(r.events.iter().all(|e| e
            .claims
            .iter()
            .all(|c| c.stance != Stance::ClaimsResponsibility)));
    }
);

t!(
    claimed_responsibility_names_the_actor,
    "تبنت حركة النجباء الهجوم بطائرة مسيرة على قاعدة حرير الجوية.",
    "2024-03-09",
    |r| {
        let e = &r.events[0];
        assert!(e
            .claims
            .iter()
            .any(|c| c.stance == Stance::ClaimsResponsibility));
        assert!(e.actors.iter().any(|a| a.role == Role::Actor));
    }
);

t!(
    threat_is_not_an_attack,
    "هددت جماعة الحوثي بمهاجمة السفن في البحر الأحمر.",
    "2024-03-09",
    |r| {
        assert!(r.events.iter().any(|e| e.kind == EventType::Threat));
        assert!(r
            .events
            .iter()
            .all(|e| e.kind != EventType::Attack && e.kind != EventType::AirDroneStrike));
    }
);

t!(
    aggregates_are_not_events,
    "ومنذ مطلع الشهر تعرضت القواعد الأميركية في العراق لعشرات الهجمات.",
    "2024-03-09",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(dated_list_gives_one_event_each, "أبرز الهجمات:\n3 يناير 2024، هجوم بطائرة مسيرة على قاعدة حرير الجوية.\n9 فبراير 2024، هجوم صاروخي على قاعدة عين الأسد.", "2024-03-09", |r| {
    assert_eq!(r.events.len(), 2, "{:#?}", r.events);
    assert_eq!(r.events[0].date.as_deref(), Some("2024-01-03"));
    assert_eq!(r.events[1].kind, EventType::MissileArtillery);
});

t!(
    cumulative_toll_is_not_an_event,
    "ارتفعت حصيلة القتلى في قطاع غزة إلى 30000 قتيل و70000 جريح، وفق وزارة الصحة في غزة.",
    "2024-03-09",
    |r| {
        assert!(r.events.iter().all(|e| e.killed != Some(30000)));
        assert_eq!(r.tolls.len(), 1, "{:#?}", r.tolls);
        assert_eq!(r.tolls[0].killed, Some(30000));
        assert_eq!(r.tolls[0].injured, Some(70000));
    }
);

t!(
    designation_with_month,
    "كتائب حزب الله - تم تصنيفها كمنظمة إرهابية في يوليو 2009.",
    "2024-03-09",
    |r| {
        let e = of_kind(&r, EventType::Designation);
        assert_eq!(e.date.as_deref(), Some("2009-07"));
        assert!(e.actors.iter().any(|a| a.role == Role::Target));
    }
);

t!(
    offsets_are_characters,
    "قصفت طائرات حربية بلدة الخيام في جنوب لبنان.",
    "2024-03-09",
    |r| {
        let text: Vec<char> = "قصفت طائرات حربية بلدة الخيام في جنوب لبنان."
            .chars()
            .collect();
        for e in &r.events {
            for s in &e.evidence {
                assert!(s.end <= text.len());
            }
        }
    }
);

t!(
    statement_day_is_not_the_event_day,
    "وقال الجيش في بيان، الأحد، إن طائراته قصفت موقعا في بلدة الخيام جنوبي لبنان فجر السبت، من دون أن تسفر عن إصابات.",
    "2024-03-10",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let e = &r.events[0];
        assert_eq!(e.date.as_deref(), Some("2024-03-09"), "{e:#?}");
        assert_eq!((e.killed, e.injured), (Some(0), Some(0)));
    }
);

t!(
    dawn_is_not_a_detonation_and_a_channel_after_the_event_is_its_source,
    "شنت طائرات حربية غارات على مواقع في مدينة الحديدة غربي اليمن، فجر الخميس، وفق ما ذكرت قناة الجزيرة.",
    "2024-01-18",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let e = &r.events[0];
        assert_eq!(e.date.as_deref(), Some("2024-01-18"));
        assert_eq!(e.claims.len(), 1, "{e:#?}");
        assert_eq!(e.claims[0].source, "قناة الجزيرة");
    }
);

t!(
    agency_relaying_a_source_after_the_event,
    "قصفت طائرات مسيرة موقعا عسكريا في مدينة الحديدة، وفق ما نقلت وكالة رويترز عن مصدر محلي.",
    "2024-01-18",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let c = &r.events[0].claims;
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].source, "مصدر محلي");
        assert_eq!(c[0].via.as_deref(), Some("وكالة رويترز"));
        assert!(c[0].anonymous);
    }
);

t!(
    a_group_announcing_an_attack_claims_it_and_no_knowledge_is_unconfirmed,
    "أعلنت كتائب حزب الله، يوم الأحد، أنها استهدفت قاعدة عين الأسد في محافظة الأنبار بطائرة مسيرة. في المقابل قال مسؤول في التحالف الدولي إنه لا علم لديه بوقوع أي هجوم على القاعدة.",
    "2024-01-14",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let e = &r.events[0];
        assert!(e.actors.iter().any(|a| a.role == Role::Actor && a.name == "كتائب حزب الله"), "{e:#?}");
        let stances: Vec<Stance> = e.claims.iter().map(|c| c.stance).collect();
        assert_eq!(stances, [Stance::ClaimsResponsibility, Stance::Unconfirmed], "{e:#?}");
        assert!(e.contradiction);
    }
);

t!(
    a_protest_march_is_not_a_drone,
    "خرج آلاف المتظاهرين في مدينة تعز، الجمعة، في مسيرة احتجاجية للمطالبة بفتح الطرق.",
    "2024-07-01",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].kind, EventType::Protest);
        assert!(r.events[0].weapons.is_empty(), "{:#?}", r.events[0]);
    }
);

t!(
    casualties_of_a_roadside_bomb_join_it_whatever_place_is_nearest,
    "انفجرت عبوة ناسفة بسيارة عسكرية على طريق حمص - تدمر، صباح الثلاثاء، ما أدى إلى مقتل ثلاثة جنود.",
    "2024-02-20",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].kind, EventType::RemoteExplosive);
        assert_eq!(r.events[0].killed, Some(3));
    }
);

t!(
    each_source_speaks_for_its_own_clause,
    "قال الحوثيون إنهم استهدفوا سفينة تجارية في البحر الأحمر بصاروخ باليستي، بينما قالت القيادة المركزية الأمريكية إنها لم تتلق أي تقارير عن أضرار.",
    "2024-05-22",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let e = &r.events[0];
        assert!(!e.actors.iter().any(|a| a.role == Role::Target && a.name.contains("القيادة")), "{e:#?}");
        let houthis = e.claims.iter().find(|c| c.source == "الحوثيون").expect("the Houthis' claim");
        assert_eq!(houthis.stance, Stance::ClaimsResponsibility);
    }
);

t!(
    the_shooter_named_after_bullets_is_the_actor,
    "استشهد شابان، فجر اليوم، برصاص قوات الاحتلال الإسرائيلي خلال اقتحامها مدينة نابلس شمالي الضفة الغربية.",
    "2024-09-10",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let e = &r.events[0];
        assert_eq!(e.killed, Some(2), "{e:#?}");
        let actor = e.actors.iter().find(|a| a.role == Role::Actor).expect("an actor");
        assert!(actor.name.contains("قوات الاحتلال"), "{e:#?}");
        assert!(!e.actors.iter().any(|a| a.role == Role::Target && a.name.contains("قوات الاحتلال")));
    }
);

t!(
    an_abduction_keeps_who_reported_it,
    "اختطف مسلحون مجهولون طبيبا في مدينة تعز، أمس الإثنين، وفق ما أفاد مصدر أمني لوكالة فرانس برس.",
    "2024-09-10",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let e = &r.events[0];
        assert_eq!(e.kind, EventType::Abduction);
        assert_eq!(e.date.as_deref(), Some("2024-09-09"));
        assert_eq!(e.claims.len(), 1, "{e:#?}");
        assert_eq!(e.claims[0].via.as_deref(), Some("وكالة فرانس برس"));
    }
);

t!(
    a_denied_responsibility_is_a_denial_and_civil_defence_a_source,
    "نفى الجيش الإسرائيلي مسؤوليته عن القصف الذي استهدف مدرسة تؤوي نازحين في مدينة خان يونس، بعد أن قال الدفاع المدني إن 12 شخصا قتلوا في الهجوم.",
    "2024-11-20",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let e = &r.events[0];
        let stances: Vec<(String, Stance)> =
            e.claims.iter().map(|c| (c.source.clone(), c.stance)).collect();
        assert!(stances.iter().any(|(s, st)| s.contains("الدفاع المدني") && *st == Stance::Asserts), "{stances:?}");
        assert!(stances.iter().any(|(_, st)| *st == Stance::Denies), "{stances:?}");
        assert!(e.contradiction);
        assert_eq!(e.killed, Some(12));
    }
);

t!(
    a_settlement_named_after_its_cue_word,
    "أعلن حزب الله استهداف تجمع لجنود إسرائيليين في مستعمرة المطلة بصلية صاروخية.",
    "2024-11-20",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let l = r.events[0].location.as_ref().expect("a place");
        assert_eq!(l.country.as_deref(), Some("IL"), "{l:?}");
    }
);

t!(
    one_soldier_in_the_singular_and_a_channel_named_after_a_drone,
    "قُتل جندي وأصيب اثنان آخران في هجوم على موقع عسكري في محافظة صعدة، وفق ما ذكرت قناة المسيرة، التي قالت إن الهجوم أسفر عن سقوط قتلى وجرحى.",
    "2024-03-03",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let e = &r.events[0];
        assert_eq!((e.killed, e.injured), (Some(1), Some(2)), "{e:#?}");
        assert!(e.weapons.is_empty(), "{e:#?}");
        assert!(e.outcome.is_empty(), "{e:#?}");
    }
);

t!(
    figures_told_before_their_verbs,
    "أكد مصدر في الشرطة أن أربعة جنود قتلوا وأصيب سبعة آخرون في هجوم على حاجز أمني في مدينة العريش أمس.",
    "2024-03-03",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let e = &r.events[0];
        assert_eq!((e.killed, e.injured), (Some(4), Some(7)), "{e:#?}");
    }
);

t!(
    a_breakdown_is_not_the_figure,
    "قال مدير الصحة إن 40 مدنيا بينهم 9 أطفال و5 نساء قتلوا في قصف بالهاون على حي سكني في مدينة تعز أمس.",
    "2024-03-03",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].killed, Some(40), "{:#?}", r.events[0]);
    }
);

t!(
    a_dual_verb_and_a_singular_death,
    "ذكرت الشرطة أن شخصين قتلا وأصيب ثالث في هجوم بسكين على متجر في مدينة الموصل اليوم. ولقي حارس مصرعه في هجوم مسلح على مصرف في مدينة كركوك اليوم.",
    "2024-03-03",
    |r| {
        let mosul = r.events.iter().find(|e| e.location.as_ref().is_some_and(|l| l.name.contains("الموصل")));
        let kirkuk = r.events.iter().find(|e| e.location.as_ref().is_some_and(|l| l.name.contains("كركوك")));
        let (Some(m), Some(k)) = (mosul, kirkuk) else { panic!("{:#?}", r.events) };
        assert_eq!((m.killed, m.injured), (Some(2), Some(1)), "{m:#?}");
        assert_eq!(k.killed, Some(1), "{k:#?}");
    }
);

t!(
    a_battle_going_on_now_is_of_the_day_of_the_paper,
    "أكدت مصادر عسكرية أن قوات الجيش تخوض حاليا معارك عنيفة مع المتمردين في محيط مدينة الحوطة، بعد أن سيطرت على المناطق المحيطة بها. وأوضح المصدر أن قوات أخرى تمشط أحياء مدينة الشيخ عثمان التي قصفها المتمردون يوم الأحد الماضي، وأدى القصف إلى مقتل عشرين مدنيا.",
    "2024-03-09",
    |r| {
        let clash = r.events.iter().find(|e| e.kind == EventType::ArmedClash);
        let shelling = r.events.iter().find(|e| e.kind == EventType::MissileArtillery);
        let (Some(c), Some(s)) = (clash, shelling) else { panic!("{:#?}", r.events) };
        assert_eq!(c.date.as_deref(), Some("2024-03-09"), "{c:#?}");
        assert_eq!(s.date.as_deref(), Some("2024-03-03"), "{s:#?}");
    }
);

t!(
    history_is_background_not_news,
    "قصفت طائرات حربية صباح اليوم بلدة سرمين في ريف إدلب، بعد أن اعتقلت قوات النظام في 3 مارس 2022 عشرات الشبان في البلدة.",
    "2024-03-03",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].kind, EventType::AirDroneStrike, "{:#?}", r.events[0]);
    }
);

t!(
    a_street_named_after_a_day_is_no_date,
    "وتدور الآن اشتباكات عنيفة بين المقاومة والمتمردين في شارع 26 سبتمبر وسط مدينة تعز.",
    "2024-03-03",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(
            r.events[0].date.as_deref(),
            Some("2024-03-03"),
            "{:#?}",
            r.events[0]
        );
    }
);

t!(
    the_protectors_of_the_homeland_are_no_city,
    "وقال الشيخ إن هذه الجريمة النكراء الغادرة التي استهدفت حماة ثغور بلادنا قد آلمت كل نفس سوية.",
    "2024-03-03",
    |r| {
        let places: Vec<&str> = r
            .events
            .iter()
            .filter_map(|e| e.location.as_ref().map(|l| l.name.as_str()))
            .chain(r.entities.iter().map(|e| e.name.as_str()))
            .collect();
        assert!(!places.contains(&"حماة"), "{places:?}");
    }
);

t!(
    a_figure_of_dead_and_wounded_together_is_neither,
    "استنكر المجلس التفجير الإرهابي الذي استهدف مسجدا في مدينة الموصل اليوم، وراح ضحيته نحو 30 من المصلين بين شهداء وجرحى.",
    "2024-03-03",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!((r.events[0].killed, r.events[0].injured), (None, None), "{:#?}", r.events[0]);
    }
);

t!(
    casualties_of_the_other_part_of_a_sentence,
    "وفي صعدة قصف طيران التحالف تجمعات ومنازل تابعة لقادة المتمردين، أما في تعز فقد قتل 11 شخصا وجرح 30 آخرون من المتمردين نتيجة مواجهات في حي الأربعين.",
    "2024-03-03",
    |r| {
        let clash = r.events.iter().find(|e| e.kind == EventType::ArmedClash);
        let Some(c) = clash else { panic!("{:#?}", r.events) };
        assert_eq!((c.killed, c.injured), (Some(11), Some(30)), "{c:#?}");
        for e in r.events.iter().filter(|e| e.kind != EventType::ArmedClash) {
            assert_eq!((e.killed, e.injured), (None, None), "{e:#?}");
        }
    }
);

t!(
    an_early_hour_is_no_capital_of_ghana,
    "أطلقت الشرطة النار باكرا صباح اليوم في وسط مدينة ليون على رجل اقتحم بسيارته حاجزا أمنيا.",
    "2024-03-03",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let place = r.events[0].location.as_ref().map(|l| l.name.as_str());
        assert_ne!(place, Some("اكرا"), "{:#?}", r.events[0]);
    }
);

t!(
    an_animal_that_attacks_is_no_attack,
    "هاجم دب بني أحد الزوار في متنزه جبلي بولاية مونتانا أمس وقتله.",
    "2024-03-03",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    an_attack_on_computers_is_no_attack,
    "أعلن البرلمان أنه تعرض أمس لهجوم إلكتروني واسع عطل شبكته الداخلية في العاصمة برلين.",
    "2024-03-03",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    a_village_the_gazetteer_lacks_in_a_district_it_knows,
    "أصيب مواطنان أمس إثر سقوط مقذوفات عسكرية أطلقت من داخل الأراضي اليمنية على قرية الشبيلية في محافظة الحرث.",
    "2024-03-03",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let l = r.events[0].location.as_ref().expect("a place");
        assert_eq!(l.name, "الشبيلية", "{l:#?}");
        assert_eq!(l.country.as_deref(), Some("SA"), "{l:#?}");
        assert!(l.admin1.is_some(), "{l:#?}");
    }
);

t!(
    the_saudi_southern_border_is_a_place,
    "استشهد جندي من القوات المسلحة أمس أثناء تصديه لهجوم شنته الميليشيات الحوثية في الحد الجنوبي.",
    "2024-03-03",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let l = r.events[0].location.as_ref().expect("a place");
        assert_eq!(l.name, "الحد الجنوبي", "{l:#?}");
    }
);

t!(
    a_force_fighting_abroad_places_an_event_told_without_a_place,
    "وجه وزير الدفاع بمعاملة الجندي الذي استشهد أمس من القوة الإماراتية المشاركة في عمليات التحالف معاملة الشهيد السعودي. وكانت قيادة تحالف دعم الشرعية قد أعلنت استشهاده أثناء أدائه الواجب في الدفاع عن الشعب اليمني.",
    "2024-03-03",
    |r| {
        let violent: Vec<_> = r.events.iter().filter(|e| e.kind == EventType::ArmedClash).collect();
        assert_eq!(violent.len(), 1, "{:#?}", r.events);
        let l = violent[0].location.as_ref().expect("a place");
        assert_eq!(l.country.as_deref(), Some("YE"), "{l:#?}");
    }
);

t!(
    a_ceasefire_is_not_a_shooting,
    "وقّعت الحكومة السودانية وقوات الدعم السريع اتفاقا لوقف إطلاق النار في مدينة جدة، يوم الخميس.",
    "2024-03-03",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].kind, EventType::Agreement);
        assert!(r.events[0].weapons.is_empty(), "{:#?}", r.events[0]);
    }
);

t!(
    security_forces_of_a_country_are_the_actor,
    "اعتقلت قوات الأمن الأردنية خمسة أشخاص في مدينة الزرقاء، الأحد، بتهمة التخطيط لهجمات.",
    "2024-03-03",
    |r| {
        let arrest = of_kind(&r, EventType::Arrest);
        let actor = arrest
            .actors
            .iter()
            .find(|a| a.role == Role::Actor)
            .expect("an actor");
        assert_eq!(actor.name, "قوات الأمن الأردنية", "{arrest:#?}");
    }
);

t!(
    responsibility_in_a_relative_clause_is_not_the_speakers,
    "انفجرت سيارة مفخخة في سوق ببغداد. وأكدت مصادر طبية في مستشفيات المدينة حصيلة الهجوم الذي تبناه التنظيم.",
    "2024-01-14",
    |r| {
        let medical = r
            .events
            .iter()
            .flat_map(|e| &e.claims)
            .find(|c| c.source.contains("مصادر طبية"))
            .expect("the medical sources' claim");
        assert_eq!(medical.stance, Stance::Asserts, "{medical:#?}");
    }
);

t!(
    an_event_counted_back_from_is_dated_back_and_kept_apart,
    "قصفت المدفعية مواقع المسلحين قرب الحدود اليوم الخميس بعد مقتل جندي بنيران أطلقت من الجانب الآخر. \
     ويأتي القصف بعد ثلاثة أيام على تفجير انتحاري استهدف سوقا شعبية في مدينة الموصل وأسفر عن \
     مقتل 20 شخصا وإصابة 45 آخرين، بحسب مصادر في الشرطة.",
    "2024-03-07",
    |r| {
        let bomb = of_kind(&r, EventType::SuicideBomb);
        // Thursday less three days.
        assert_eq!(bomb.date.as_deref(), Some("2024-03-04"), "{:#?}", r.events);
        assert_eq!(bomb.killed, Some(20));
        // The shelling of the day is not the bombing's.
        assert!(
            r.events
                .iter()
                .any(|e| e.kind != EventType::SuicideBomb && e.date.as_deref() == Some("2024-03-07")),
            "{:#?}",
            r.events
        );
    }
);

t!(
    one_event_a_type_place_and_day,
    "شنت طائرات التحالف غارات على مدينة حديثة. وقال مسؤول محلي إن الغارات دمرت مقرا للتنظيم. \
     وأضاف أن السكان نزحوا من الأحياء القريبة. وتابع أن المدارس أغلقت أبوابها. وأشار إلى أن \
     الطرق قطعت. وكانت غارات جوية استهدفت مدينة حديثة أمس الأحد وأسفرت عن مقتل خمسة مسلحين.",
    "2024-03-04",
    |r| {
        let strikes: Vec<_> = r
            .events
            .iter()
            .filter(|e| e.kind == EventType::AirDroneStrike)
            .collect();
        assert_eq!(strikes.len(), 1, "{:#?}", r.events);
        assert_eq!(strikes[0].date.as_deref(), Some("2024-03-03"));
        assert_eq!(strikes[0].killed, Some(5));
    }
);

t!(
    a_deed_claimed_in_a_relative_clause_is_claimed_and_a_dual_covers_both_events,
    "انفجرت سيارة مفخخة في سوق مدينة كركوك أمس ما أدى إلى مقتل 12 شخصا. كما انفجرت عبوة ناسفة \
     في مدينة الحويجة ما أدى إلى مقتل ثلاثة أشخاص. وأكدت مصادر طبية حصيلة التفجيرين اللذين \
     تبناهما تنظيم داعش.",
    "2024-03-07",
    |r| {
        let bombs: Vec<_> = r
            .events
            .iter()
            .filter(|e| e.kind == EventType::RemoteExplosive)
            .collect();
        assert_eq!(bombs.len(), 2, "{:#?}", r.events);
        for e in bombs {
            assert!(
                e.claims
                    .iter()
                    .any(|c| c.stance == Stance::ClaimsResponsibility && c.source.contains("داعش")),
                "{:#?}",
                e.claims
            );
            assert!(
                e.actors.iter().any(|a| a.role == Role::Actor),
                "{:#?}",
                e.actors
            );
        }
    }
);

t!(
    the_figures_of_a_series_across_a_country_are_no_one_attacks,
    "قتل 30 شخصا على الأقل في سلسلة تفجيرات استهدفت مناطق مختلفة في العراق أمس، بحسب مصادر \
     أمنية. واستهدف أكثر الهجمات دموية منطقة بغداد الجديدة، حيث أدى تفجير سيارة مفخخة إلى مقتل \
     19 شخصا وإصابة 43.",
    "2024-03-07",
    |r| {
        let e = of_kind(&r, EventType::RemoteExplosive);
        assert_eq!(e.killed, Some(19), "{:#?}", r.events);
        assert_eq!(e.injured, Some(43));
        // The series' figure is the day's toll of the country.
        assert!(
            r.tolls.iter().any(|t| t.killed == Some(30)
                && t.place.as_ref().and_then(|p| p.country.as_deref()) == Some("IQ")),
            "{:#?}",
            r.tolls
        );
    }
);

t!(
    a_court_sentence_carried_out_is_no_event,
    "نفذت وزارة الداخلية أمس حكم القتل قصاصا في جان أقدم على قتل رجل بإطلاق النار عليه إثر خلاف \
     بينهما في مدينة بريدة.",
    "2024-03-07",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

/// Is the event's place written with `name` in it?
fn placed(e: &rasd_model::Event, name: &str) -> bool {
    e.location.as_ref().is_some_and(|l| l.name.contains(name))
}

/// The first event of a type, or a failure that shows every event.
/// Does no event of the record lie at a place of this name?
fn nowhere(r: &Record, name: &str) -> bool {
    !somewhere(r, name)
}

/// Does an event of the record lie at a place of this name?
fn somewhere(r: &Record, name: &str) -> bool {
    r.events.iter().any(|e| placed(e, name))
}

fn of_kind(r: &Record, kind: EventType) -> &rasd_model::Event {
    r.events
        .iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} event: {:#?}", r.events))
}

/// The country code of the event's place.
fn country(e: &rasd_model::Event) -> Option<&str> {
    e.location.as_ref().and_then(|l| l.country.as_deref())
}

/// Does an event name this dictionary actor as its actor?
fn acted_by(e: &rasd_model::Event, id: &str) -> bool {
    e.actors
        .iter()
        .any(|a| a.role == Role::Actor && a.entity_id.as_deref() == Some(id))
}

t!(
    the_coalition_of_the_country_told,
    "وشن طيران التحالف صباح أمس غارات جوية على مواقع للحوثيين في محافظة مأرب اليمنية.",
    "2015-07-25",
    |r| {
        let e = &r.events[0];
        assert!(acted_by(e, "sa.coalition"), "{:#?}", e.actors);
        // The armed group is no pilot: it is the target.
        assert!(!acted_by(e, "ye.houthis"), "{:#?}", e.actors);
    }
);

t!(
    the_coalition_over_iraq_is_the_one_against_the_islamic_state,
    "شن طيران التحالف أمس غارات جوية على مواقع لتنظيم داعش قرب مدينة الموصل العراقية.",
    "2015-07-25",
    |r| {
        let e = &r.events[0];
        assert!(acted_by(e, "int.coalition"), "{:#?}", e.actors);
    }
);

t!(
    an_agreement_referred_to_is_no_event_and_one_made_is,
    "قال وزير الخارجية الخميس إن الاتفاق النووي المبرم مع إيران في 14 يوليو سيغير المنطقة. \
     ووقعت الحكومة والمتمردون أمس في الدوحة اتفاقا لوقف إطلاق النار وتبادل الأسرى.",
    "2024-07-26",
    |r| {
        let agreements: Vec<_> = r
            .events
            .iter()
            .filter(|e| e.kind == EventType::Agreement)
            .collect();
        assert!(
            agreements
                .iter()
                .all(|e| e.date.as_deref() == Some("2024-07-25")),
            "{agreements:#?}"
        );
    }
);

t!(
    an_event_without_a_place_takes_the_place_of_the_story_told_just_before,
    "قال مسؤولون أمنيون إن مسلحين هاجموا أمس نقطة تفتيش قرب بلدة الرطبة في محافظة الأنبار وقتلوا \
     جنديين. وأضاف المسؤولون أن المسلحين خطفوا ثلاثة جنود آخرين قبل أن يفروا.",
    "2024-07-26",
    |r| {
        let e = of_kind(&r, EventType::Abduction);
        assert_eq!(
            e.location.as_ref().and_then(|l| l.place_id.as_deref()),
            r.events[0]
                .location
                .as_ref()
                .and_then(|l| l.place_id.as_deref())
        );
        assert!(e.location.is_some());
    }
);

t!(
    a_town_another_event_is_named_at_does_not_place_this_one,
    "انفجرت سيارة مفخخة أمس قرب قافلة للجيش في محافظة نينوى، ما أدى إلى مقتل جنديين. وكان \
     تفجير الفلوجة الانتحاري قد أثار غضب السكان.",
    "2024-07-26",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let l = r.events[0].location.as_ref().expect("a place");
        assert_eq!(l.name, "محافظة نينوى", "{l:#?}");
    }
);

t!(
    a_day_told_before_after_is_not_the_day_of_what_came_after,
    "وقال الوزير عقب اجتماع الحكومة الذي عقده أمس عقب تفجير الفلوجة إن الأمن سيعزز.",
    "2024-07-26",
    |r| {
        assert!(
            r.events
                .iter()
                .all(|e| e.date.as_deref() != Some("2024-07-25")),
            "{:#?}",
            r.events
        );
    }
);

t!(
    a_place_told_with_a_day_of_its_own_is_not_where_the_next_day_happened,
    "قدم الرئيس التعازي في ضحايا تفجير بلدة الرطبة الذي وقع الاثنين الماضي، وفي جنديين اللذين \
     قتلا أمس برصاص مسلحين.",
    "2024-07-26",
    |r| {
        assert!(
            r.events
                .iter()
                .all(|e| e.date.as_deref() != Some("2024-07-25")
                    || e.location.as_ref().is_none_or(|l| l.name != "الرطبة")),
            "{:#?}",
            r.events
        );
    }
);

t!(
    the_day_of_a_condemnation_is_not_the_day_of_the_bombing_it_condemns,
    "ندد أئمة المساجد في المحافظة، اليوم، بالتفجير الذي استهدف مسجدا في مدينة الموصل يوم أمس، \
     ووصفوه بالعمل الجبان.",
    "2024-07-26",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].date.as_deref(), Some("2024-07-25"));
    }
);

t!(
    the_battles_a_period_started_with_are_not_todays,
    "وصلت أول سفينة مساعدات إلى ميناء عدن منذ بدء المعارك في المدينة قبل أربعة أشهر.",
    "2024-07-26",
    |r| {
        assert!(
            r.events
                .iter()
                .all(|e| e.date.as_deref() != Some("2024-07-26")),
            "{:#?}",
            r.events
        );
    }
);

t!(
    shells_from_within_a_country_fall_where_they_fall,
    "أصيب ثلاثة مدنيين مساء اليوم بسقوط قذائف أطلقت من داخل الأراضي السورية على حي سكني في \
     مدينة كلس.",
    "2024-07-26",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let l = r.events[0].location.as_ref().expect("a place");
        assert_eq!(l.country.as_deref(), Some("TR"), "{l:#?}");
    }
);

t!(
    preparing_an_attack_is_no_attack,
    "قال مراقبون إن التنظيم يستعد لشن هجوم واسع على بلدة صدد القريبة من حمص.",
    "2024-07-26",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    an_event_in_a_country_far_from_the_region_is_placed,
    "قتل ثلاثة جنود أمس في هجوم شنه مسلحون على ثكنة عسكرية شمال الكاميرون، وفق مصادر أمنية.",
    "2024-07-26",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let l = r.events[0].location.as_ref().expect("a place");
        assert_eq!(l.country.as_deref(), Some("CM"), "{l:#?}");
    }
);

/// A round-up told place by place: a candidate's features say what the sentences before it
/// told and how its own sentence links to them.
#[test]
fn round_up_features_look_back_two_sentences() {
    let text =
        "قصفت طائرات التحالف مواقع المتمردين في صعدة أمس. وقتل خمسة مسلحين في اشتباكات بمأرب. \
                وفي شبوة شنت الطائرات غارة على مخزن للأسلحة.";
    let mut doc = Document::new("t", text);
    doc.meta.published = IsoDate::parse("2024-05-02").ok();
    let cands = Pipeline::new().candidates(&doc);
    let chars: Vec<char> = text.chars().collect();
    let word = |c: &rasd_extract::CandFeatures| -> String {
        chars[c.trig.start..c.trig.end].iter().collect()
    };
    let raid = cands
        .iter()
        .find(|c| word(c) == "غارة")
        .expect("غارة is a candidate");
    let told = |f: &String| f == "pv:1" || f == "pv:2";
    assert!(raid.features.iter().any(told), "{:?}", raid.features);
    assert!(
        raid.features.iter().any(|f| f == "s0:وفي"),
        "{:?}",
        raid.features
    );
    let first = cands
        .iter()
        .find(|c| word(c) == "قصفت")
        .expect("قصفت is a candidate");
    assert!(
        !first.features.iter().any(|f| f.starts_with("pv:")),
        "{:?}",
        first.features
    );
}

t!(
    round_up_place_opening_the_sentence_and_air_coalition_attack,
    "وفي تعز، فقدت القوات السيطرة على موقع استراتيجي، وسط تواصل الاشتباكات في أحياء أخرى في المدينة. \
     أما في شبوة، التي احتدمت فيها المواجهات بين القبائل والمتمردين، فقد استهدف التحالف مخازن أسلحة.",
    "2024-05-02",
    |r| {
        let at = |t: EventType, place: &str| {
            r.events.iter().any(|e| {
                e.kind == t && e.location.as_ref().is_some_and(|l| l.name == place)
            })
        };
        assert_eq!(r.events.len(), 3, "{:#?}", r.events);
        assert!(at(EventType::ArmedClash, "تعز"), "{:#?}", r.events);
        // The known fighting of the place the sentence opens with is fought there.
        assert!(at(EventType::ArmedClash, "شبوة"), "{:#?}", r.events);
        // The coalition's attack is an air strike, another event than the fighting.
        assert!(at(EventType::AirDroneStrike, "شبوة"), "{:#?}", r.events);
    }
);

t!(
    round_up_fronts_each_their_place_and_day,
    "تمكنت القوات أمس من استعادة السيطرة على مدينة زنجبار بعد قتال دام يومين، فيما تستمر \
     المواجهات في مديرية لودر. وصدت القوات هجوما كبيرا على مدينة الضالع التي غادرها المتمردون في \
     مايو الماضي. وفي مدينة مقبنة بمديرية شمير في شمال غربي تعز، قتل مسلحون أربعة جنود في كمين. \
     وفي المخا قصفت قوات التحالف مقر اللواء. ودمرت إحدى الغارات دبابة في مأرب، بينما أعطبت غارة \
     أخرى أربع عربات في مأرب.",
    "2024-05-02",
    |r| {
        let at = |t: EventType, place: &str| {
            r.events
                .iter()
                .filter(|e| e.kind == t && placed(e, place))
                .count()
        };
        // Fighting that goes on at a place told just after it is fought there.
        assert_eq!(at(EventType::ArmedClash, "لودر"), 1, "{:#?}", r.events);
        // The town a sentence opens with, not the city it is told to lie north-west of.
        assert_eq!(at(EventType::ArmedClash, "مقبنة"), 1, "{:#?}", r.events);
        // The coalition's bombardment is an air strike.
        assert_eq!(at(EventType::AirDroneStrike, "المخا"), 1, "{:#?}", r.events);
        // Two strikes at one place on one day are one event.
        assert_eq!(at(EventType::AirDroneStrike, "مأرب"), 1, "{:#?}", r.events);
        // A month in a relative clause of the town is not the attack's.
        assert!(
            r.events
                .iter()
                .all(|e| e.date.as_deref() != Some("2024-05")),
            "{:#?}",
            r.events
        );
        assert_eq!(at(EventType::ArmedClash, "الضالع"), 1, "{:#?}", r.events);
    }
);

t!(
    round_up_paragraph_keeps_the_place_it_opened_with,
    "وفي وقت متأخر من مساء الأربعاء قصف الطيران موقعا للدفاع الجوي بمدينة الحديدة.\n\
     وفي مدينة تعز سقط عشرات القتلى في مواجهات عنيفة مساء الأربعاء. وهزت انفجارات عنيفة \
     الأحياء جراء قصف المتمردين بالدبابات والمدفعية الثقيلة.",
    "2024-05-02",
    |r| {
        let shelling: Vec<_> = r
            .events
            .iter()
            .filter(|e| e.kind == EventType::MissileArtillery)
            .collect();
        // The shelling told after «وفي مدينة تعز» is in Taiz, not with the air strike of Hodeidah.
        assert!(shelling.iter().any(|e| placed(e, "تعز")), "{:#?}", r.events);
    }
);

t!(
    the_town_named_as_known_is_the_latest_town_named,
    "يواصل الجيش حصار مدينة درعا منذ شهر.\nوأعلن المرصد أمس استمرار الاشتباكات العنيفة بين \
     الفرقة الرابعة والفصائل المسلحة ومسلحين محليين من جهة أخرى في المدينة.",
    "2024-05-02",
    |r| {
        let clash = of_kind(&r, EventType::ArmedClash);
        // «في المدينة» is the town named last before the word.
        assert!(placed(clash, "درعا"), "{:#?}", r.events);
        // «منذ شهر» starts a period: no day of the fighting.
        assert_ne!(clash.date.as_deref(), Some("2024-04"), "{:#?}", r.events);
    }
);

t!(
    a_demonstrative_points_back_and_reports_nothing,
    "اجتمع مجلس الوزراء أمس في العاصمة. وجاءت هذه الضربات الجوية المكثفة بعد قرار الحكومة دخول الحرب.",
    "2024-05-02",
    |r| {
        assert!(r.events.iter().all(|e| e.kind != EventType::AirDroneStrike), "{:#?}", r.events);
    }
);

t!(
    a_month_named_again_is_no_town,
    "قتل مسلحون جنديا في هجوم على حاجز في أغسطس آب الماضي.",
    "2024-05-02",
    |r| {
        // «آب» folds to «إب» (Ibb, Yemen); after «أغسطس» it is August again.
        assert!(
            r.events.iter().all(|e| e
                .location
                .as_ref()
                .is_none_or(|l| l.country.as_deref() != Some("YE"))),
            "{:#?}",
            r.events
        );
    }
);

t!(
    deaths_of_nature_or_accident_are_no_attack,
    "قتل سبعة أشخاص في صاعقة ضربت منطقة جبلية أمس. وسيطرت فرق الدفاع المدني على حريق شب في مستودع. \
     وقتل طفل في حريق أضرمه مستوطنون في منزل بقرية دوما.",
    "2024-05-02",
    |r| {
        // Only the arson is an attack.
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].kind, EventType::Attack, "{:#?}", r.events);
    }
);

t!(
    readiness_to_strike_is_no_strike,
    "قال رئيس الوزراء اليوم الاثنين إنه مستعد لتوجيه أوامر بضربات جوية على أهداف للتنظيم في ليبيا.",
    "2024-05-06",
    |r| {
        assert!(
            r.events.iter().all(|e| e.kind != EventType::AirDroneStrike),
            "{:#?}",
            r.events
        );
    }
);

t!(
    where_words_were_said_is_not_where_it_happened,
    "قتل 30 شخصا في تفجير انتحاري استهدف مركزا ثقافيا في بلدة سوروج أمس. وقال رئيس الوزراء في \
     تصريح صحافي أدلى به في أنقرة إن التفجير ناجم عن اعتداء انتحاري.",
    "2024-05-02",
    |r| {
        assert!(nowhere(&r, "أنقرة"), "{:#?}", r.events);
    }
);

t!(
    a_states_police_arrest_at_home,
    "ذكر تقرير اليوم الأحد أن قوات الأمن التركية اعتقلت 851 شخصا مشتبها به في 34 ولاية خلال \
     الأيام الثلاثة الأخيرة.",
    "2024-05-05",
    |r| {
        let arrest = of_kind(&r, EventType::Arrest);
        assert_eq!(country(arrest), Some("TR"), "{:#?}", r.events);
    }
);

t!(
    an_attack_told_again_with_its_day_is_one_event,
    "توفي اليوم والد الرضيع الذي قتل حرقا في قرية دوما بالضفة الغربية جراء حرق منزله قبل عدة أيام. \
     وقالت متحدثة إن والدة الرضيع أصيبت في الهجوم الذي وقع يوم 31 يوليو ومازالت تعالج في إسرائيل.",
    "2015-08-08",
    |r| {
        let attacks: Vec<_> = r.events.iter().filter(|e| e.kind == EventType::Attack).collect();
        // One arson, on its own day, where it happened (not where the wounded are treated).
        assert_eq!(attacks.len(), 1, "{:#?}", r.events);
        assert_eq!(attacks[0].date.as_deref(), Some("2015-07-31"), "{:#?}", r.events);
        assert!(
            placed(attacks[0], "دوما"),
            "{:#?}",
            r.events
        );
    }
);

t!(
    the_day_a_statement_was_issued_is_not_the_battles,
    "وأكدت الوزارة في بيان أصدرته أمس الثلاثاء بمناسبة تحرير قاعدة العند العسكرية ودحر المليشيات \
     منها في عملية نوعية أمس الأول الاثنين أن المليشيات باتت إلى تراجع.",
    "2015-08-05",
    |r| {
        let clash = of_kind(&r, EventType::ArmedClash);
        assert_eq!(clash.date.as_deref(), Some("2015-08-03"), "{:#?}", r.events);
    }
);

t!(
    an_arrest_noun_with_the_article_tells_the_arrest,
    "قالت وزارة الداخلية إن وحداتها قامت بعملية استباقية نوعية بمدينة سجنان من ولاية بنزرت \
     والإطاحة بخلية إرهابية كان يقودها إرهابي خطير.",
    "2015-07-26",
    |r| {
        let arrest = of_kind(&r, EventType::Arrest);
        assert!(placed(arrest, "سجنان"), "{:#?}", r.events);
    }
);

t!(
    a_country_named_as_a_nationality_is_no_place,
    "قالت الخارجية أمس إن مسلحين خطفوا مواطنا كرواتيا أثناء توجهه إلى عمله بالقاهرة يوم الأربعاء.",
    "2015-07-24",
    |r| {
        let e = of_kind(&r, EventType::Abduction);
        assert!(placed(e, "القاهرة"), "{:#?}", r.events);
    }
);

t!(
    a_capital_that_is_also_its_state_is_a_place_after_a_site,
    "قتل أربعة أشخاص في تفجير وقع اليوم على طريق مطار كابل الدولي.",
    "2015-08-10",
    |r| {
        assert!(somewhere(&r, "كابل"), "{:#?}", r.events);
    }
);

t!(
    a_list_of_places_after_strikes_is_one_strike_each,
    "شنت مقاتلات التحالف أمس سلسلة من الغارات على معسكر للمتمردين في مدينة إب، ومواقع أخرى \
     في جبل صبر بمحافظة تعز ومديرية حيس بمحافظة الحديدة ومديرية ميدي التابعة لمحافظة حجة، \
     وفي مناطق متفرقة من محافظة مأرب.",
    "2015-08-12",
    |r| {
        let strikes: Vec<_> = r
            .events
            .iter()
            .filter(|e| e.kind == EventType::AirDroneStrike)
            .collect();
        for town in ["إب", "حيس", "ميدي", "مأرب"] {
            assert!(
                strikes.iter().any(|e| placed(e, town)),
                "{town}: {:#?}",
                r.events
            );
        }
        // The units that hold a place of the list are not places of their own.
        for unit in ["الحديدة", "حجة", "تعز"] {
            assert!(
                !strikes.iter().any(|e| placed(e, unit)),
                "{unit}: {:#?}",
                r.events
            );
        }
    }
);

t!(
    a_list_after_a_dual_unit_is_one_event_each,
    "وتمكنت القوات الحكومية أمس من السيطرة على عدة مواقع في محافظتي الضالع وأبين.",
    "2015-08-12",
    |r| {
        for p in ["الضالع", "أبين"] {
            assert!(
                r.events
                    .iter()
                    .any(|e| e.kind == EventType::ArmedClash && placed(e, p)),
                "{p}: {:#?}",
                r.events
            );
        }
    }
);

t!(
    the_strikes_a_verb_tells_are_its_plural_subjects,
    "وقال الجيش إن الغارات الجوية استهدفت أمس مواقع المسلحين في مديرية سحار ومديرية باقم \
     ورازح بمحافظة صعدة.",
    "2015-08-12",
    |r| {
        for p in ["سحار", "باقم", "رازح"] {
            assert!(
                r.events
                    .iter()
                    .any(|e| e.kind == EventType::AirDroneStrike && placed(e, p)),
                "{p}: {:#?}",
                r.events
            );
        }
    }
);

t!(
    many_is_no_place,
    "شنت الطائرات أمس غارات على مواقع المسلحين في العديد من المحافظات.",
    "2015-08-12",
    |r| {
        assert!(nowhere(&r, "العديد"), "{:#?}", r.events);
    }
);

t!(
    last_week_dates_an_event_to_its_middle_day,
    "وكان ثلاثة من عناصر الشرطة قتلوا في هجوم مسلح على حاجز لهم الأسبوع الماضي في مدينة العريش.",
    "2015-08-12",
    |r| {
        let e = r.events.first().expect("an event");
        assert_eq!(e.date.as_deref(), Some("2015-08-08"), "{:#?}", r.events);
    }
);

t!(
    whom_words_were_said_to_is_no_place,
    "وقال قائد ميداني لـ«الشرق الأوسط» إن مقاتليه هاجموا أمس ثلاثة مواقع للجيش في مدينة بانه.",
    "2015-08-12",
    |r| {
        assert!(nowhere(&r, "الشرق الأوسط"), "{:#?}", r.events);
    }
);

t!(
    another_story_is_another_event,
    "قتل خمسة مسلحين أمس في اشتباكات مع الشرطة في مدينة العريش. وقالت مصادر أمنية إن \
     الاشتباكات استمرت ساعتين. من جهة أخرى، قتل ثلاثة جنود أمس في هجوم بسيارة مفخخة.",
    "2015-08-12",
    |r| {
        assert!(
            r.events
                .iter()
                .any(|e| e.kind != EventType::ArmedClash && !placed(e, "العريش")),
            "{:#?}",
            r.events
        );
    }
);

t!(
    the_same_area_is_the_place_just_named,
    "وهاجم مسلحون فجر اليوم نقطة للشرطة في حي الصحافة بمدينة الحديدة. وكان المسلحون قد \
     هاجموا دورية للشرطة مساء الخميس في نفس المنطقة.",
    "2015-08-08",
    |r| {
        let thursday = r
            .events
            .iter()
            .find(|e| e.date.as_deref() == Some("2015-08-06"))
            .expect("Thursday's attack");
        assert!(placed(thursday, "الحديدة"), "{:#?}", r.events);
    }
);

t!(
    rockets_fired_on_towns_are_one_shelling_each,
    "وخرق المسلحون الهدنة ليلة أمس إذ أطلقوا صواريخ على أحياء سكنية في مدن عدن وتعز.",
    "2015-08-12",
    |r| {
        for p in ["عدن", "تعز"] {
            assert!(
                r.events
                    .iter()
                    .any(|e| e.kind == EventType::MissileArtillery && placed(e, p)),
                "{p}: {:#?}",
                r.events
            );
        }
    }
);

t!(
    the_place_of_a_motive_is_the_other_event_s,
    "قصف المسلحون أمس بلدات محاصرة في شمال البلاد بالقذائف ردا على تعرض بلدة الزبداني لهجوم.",
    "2015-08-12",
    |r| {
        assert!(nowhere(&r, "الزبداني"), "{:#?}", r.events);
    }
);

t!(
    a_place_of_the_other_part_of_a_sentence_is_the_other_event_s,
    "وقتل خمسة مسلحين أمس في غارة جوية على حي المنصورة في وسط عدن، بينما تستمر المعارك \
     بين الطرفين حول حي كريتر.",
    "2015-08-12",
    |r| {
        assert!(
            !r.events
                .iter()
                .any(|e| e.kind == EventType::ArmedClash && placed(e, "عدن")),
            "{:#?}",
            r.events
        );
    }
);

t!(
    the_two_towns_are_the_towns_just_named,
    "واستهدفت الفصائل اليوم بالقذائف بلدتي الفوعة وكفريا. ونفذ الطيران الحربي بعد الظهر أربع \
     غارات على مناطق في محيط البلدتين.",
    "2015-08-12",
    |r| {
        let strike = of_kind(&r, EventType::AirDroneStrike);
        assert!(
            placed(strike, "كفريا") || placed(strike, "الفوعة"),
            "{:#?}",
            r.events
        );
    }
);

t!(
    an_arrest_with_no_place_is_in_the_country_the_article_is_about,
    "أعلنت السلطات في الكويت أمس تفكيك شبكة لتهريب السلاح. وقالت المصادر إن الشبكة كانت تنشط \
     في الكويت منذ عامين. كما أعلنت عن توقيف خمسة أشخاص.",
    "2015-08-12",
    |r| {
        let arrest = of_kind(&r, EventType::Arrest);
        assert_eq!(country(arrest), Some("KW"), "{:#?}", r.events);
    }
);

t!(
    a_wire_story_printed_later_tells_its_news_on_the_day_it_was_told,
    "قال مصدر عسكري الأحد إن القوات الحكومية تقدمت باتجاه وسط المدينة. واندلعت اشتباكات عنيفة \
     في حي الشيخ عثمان بمدينة عدن.",
    "2015-07-22",
    |r| {
        let clash = of_kind(&r, EventType::ArmedClash);
        assert_eq!(clash.date.as_deref(), Some("2015-07-19"), "{:#?}", r.events);
    }
);

t!(
    a_truce_announced_for_tomorrow_is_made_today,
    "أعلنت قيادة التحالف اليوم هدنة إنسانية في اليمن لمدة خمسة أيام ابتداء من غد الأحد. وكانت \
     الحكومة قد طلبت في رسالة بتاريخ 7 يوليو 2015 إعلان هدنة.",
    "2015-07-25",
    |r| {
        let truce = of_kind(&r, EventType::Agreement);
        assert_eq!(truce.date.as_deref(), Some("2015-07-25"), "{:#?}", r.events);
    }
);

t!(
    an_arrest_told_after_a_raid_is_of_its_day,
    "قالت وزارة الداخلية أمس إن قواتها قتلت مسلحا في كمين بجبل الشعانبي مساء الأحد. وأضاف البيان \
     أن قوات الأمن اعتقلت أحد العناصر الداعمة للمجموعة.",
    "2015-08-11",
    |r| {
        let arrest = of_kind(&r, EventType::Arrest);
        assert_eq!(
            arrest.date.as_deref(),
            Some("2015-08-09"),
            "{:#?}",
            r.events
        );
    }
);

t!(
    an_anniversary_commemorates_and_reports_nothing,
    "شارك الآلاف في المدينة اليوم في مراسم إحياء الذكرى السنوية الخمسين لتفجير السوق القديم.",
    "2015-08-06",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    a_gate_is_no_town,
    "واعتقلت قوات الاحتلال أمس شابا من منطقة باب العامود بمدينة القدس.",
    "2015-07-22",
    |r| {
        let arrest = of_kind(&r, EventType::Arrest);
        assert!(placed(arrest, "القدس"), "{:#?}", r.events);
    }
);

t!(
    a_force_of_nature_that_strikes_is_no_attack,
    "قتل خمسة أشخاص هم جميعا أفراد أسرة واحدة من سكان القرية في صاعقة ضربت منطقة جبلية أمس.",
    "2015-08-08",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    an_arrest_with_no_place_of_its_own_is_at_home,
    "أعلنت الشرطة التركية أمس اعتقال خمسة أشخاص يشتبه بانتمائهم إلى التنظيم. وكان المعتقلون قد \
     شاركوا في القتال في مدينة الموصل.",
    "2015-07-30",
    |r| {
        let arrest = of_kind(&r, EventType::Arrest);
        assert_eq!(country(arrest), Some("TR"), "{:#?}", r.events);
    }
);

t!(
    towns_near_which_strikes_hit_are_their_places,
    "وقال الجيش إن طائرات التحالف نفذت أمس ست ضربات جوية في سوريا أصابت مواقع قتالية بالقرب من \
     حلب والحسكة.",
    "2015-07-22",
    |r| {
        for p in ["حلب", "الحسكة"] {
            assert!(
                r.events
                    .iter()
                    .any(|e| e.kind == EventType::AirDroneStrike && placed(e, p)),
                "{p}: {:#?}",
                r.events
            );
        }
    }
);

t!(
    missiles_fired_by_aircraft_are_an_air_strike,
    "وقتل ثلاثة أشخاص أمس في مدينة دوما نتيجة قصف من طائرات النظام بعدة صواريخ موجهة.",
    "2015-07-22",
    |r| {
        assert!(
            r.events.iter().any(|e| e.kind == EventType::AirDroneStrike),
            "{:#?}",
            r.events
        );
    }
);

t!(
    the_harshest_punishment_of_offenders_designates_no_one,
    "وتؤكد الوزارة حرصها على محاربة المخدرات وإيقاع أشد العقوبات على مرتكبيها.",
    "2015-07-31",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    sanctions_imposed_on_leaders_designate_them,
    "فرضت وزارة الخزانة الأمريكية أمس عقوبات على ثلاثة من قادة الجماعة.",
    "2015-07-22",
    |r| {
        assert!(
            r.events.iter().any(|e| e.kind == EventType::Designation),
            "{:#?}",
            r.events
        );
    }
);

t!(
    a_known_event_s_own_relative_clause_tells_its_place,
    "وجاء الاتصال بعد الاعتداء الإرهابي الذي نسب إلى التنظيم وأوقع الثلاثاء 32 قتيلا ومئة جريح \
     في سروج قرب الحدود.",
    "2015-07-24",
    |r| {
        assert!(somewhere(&r, "سروج"), "{:#?}", r.events);
    }
);

t!(
    killed_by_gunmen_s_fire_is_an_attack,
    "ولقي مدرس وزوجته مصرعهما اليوم بنيران مسلحين مجهولين في بلدة المدائن جنوبي العاصمة.",
    "2015-08-09",
    |r| {
        assert!(
            r.events
                .iter()
                .any(|e| matches!(e.kind, EventType::Attack | EventType::ArmedClash)),
            "{:#?}",
            r.events
        );
    }
);

t!(
    a_short_condemnation_codes_the_bombing_it_names_once,
    "الدمام - واس\nاستنكر رئيس الغرفة التجارية وأعضاء مجلس إدارتها حادثة تفجير مسجد قوات الأمن في مدينة الدمام، مؤكدين وقوفهم مع قيادتهم في ما تتخذه من قرارات.",
    "2015-08-12",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert!(placed(&r.events[0], "الدمام"), "{:#?}", r.events[0].location);
    }
);

t!(
    a_passing_mention_of_fighting_in_a_feature_codes_nothing,
    "في ورشة صغيرة بمدينة الدمام يعمل متطوعون على إصلاح السيارات القديمة، وقال صاحب الورشة إن عمله يبدأ مع شروق الشمس. ويقول العاملون إن القتال في الجبهات البعيدة لا يشغلهم عن عملهم.",
    "2015-08-12",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    who_says_that_a_policeman_was_killed_did_not_kill_him,
    "قالت وزارة الداخلية اليوم الأحد إن شرطيا قتل وأصيب اثنان آخران عندما أطلق مسلحون النار على دورية في مدينة الإسماعيلية.",
    "2015-08-09",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let e = &r.events[0];
        assert!(
            e.actors.iter().all(|a| a.role != Role::Actor || !a.name.contains("وزارة")),
            "{:#?}",
            e.actors
        );
        assert!(e.claims.iter().all(|c| c.stance == Stance::Asserts), "{:#?}", e.claims);
    }
);

t!(
    opening_fire_with_its_subject_between_verb_and_fire,
    "وأطلق مسلحان ملثمان الرصاص على سيارة ضابط في مدينة العريش مساء الجمعة.",
    "2015-08-09",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert!(
            placed(&r.events[0], "العريش"),
            "{:#?}",
            r.events[0].location
        );
        assert_eq!(r.events[0].date.as_deref(), Some("2015-08-07"));
    }
);

t!(
    an_arrest_announced_by_a_states_ministry_is_in_that_state,
    "كشفت وزارة الداخلية الكويتية أمس عن ضبط خلية إرهابية تضم أربعة مواطنين، وقالت إن المتهمين الذين تم ضبطهم قاتل أحدهم مع تنظيم داعش في العراق.",
    "2015-07-31",
    |r| {
        let e = of_kind(&r, EventType::Arrest);
        assert_eq!(country(e), Some("KW"), "{:#?}", e.location);
    }
);

t!(
    a_birth_year_is_no_part_of_a_name,
    "وقالت الوزارة إن المتهمين هم سالم عبيد مواليد 1990، وناصر حمد مواليد 1988.",
    "2015-07-31",
    |r| {
        let people: Vec<&str> = r
            .entities
            .iter()
            .filter(|e| e.kind == rasd_model::EntityType::Person)
            .map(|e| e.name.as_str())
            .collect();
        assert!(people.iter().all(|p| !p.contains("مواليد")), "{people:?}");
    }
);

t!(
    the_ends_of_a_route_are_not_where_the_attack_was,
    "قالت وزارة الداخلية اليوم السبت إن شرطيا قتل عندما أطلق مسلحان النار على سيارة في محافظة الفيوم. وأضافت أن السيارة كانت تنقل سجينين من محافظة الوادي الجديد إلى القاهرة عندما أطلق المسلحان النار على الحراس.",
    "2015-08-09",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let e = &r.events[0];
        assert!(placed(e, "الفيوم"), "{:#?}", e.location);
        assert!(e.actors.iter().all(|a| a.name != "القاهرة"), "{:#?}", e.actors);
    }
);

t!(
    a_named_building_the_gazetteer_lacks_places_the_attack,
    "وقتل ثلاثة حراس في الهجوم على فندق «النخيل الذهبي» في مالي السبت.",
    "2015-08-09",
    |r| {
        let e = of_kind(&r, EventType::Attack);
        let l = e.location.as_ref().expect("a location");
        assert_eq!(l.name, "فندق النخيل الذهبي");
        assert_eq!(l.precision, Some(rasd_model::GeoPrecision::Facility));
        assert_eq!(l.country.as_deref(), Some("ML"));
    }
);

t!(
    a_buildings_name_ends_with_its_definite_noun,
    "فجر انتحاري نفسه في مسجد المعسكر صلاة الظهر يوم الخميس في اليمن.",
    "2015-08-09",
    |r| {
        let e = &r.events[0];
        let l = e.location.as_ref().expect("a location");
        assert_eq!(l.name, "مسجد المعسكر");
    }
);

t!(
    a_settlement_the_gazetteer_lacks_places_the_ambush,
    "وقال الجنرال إن الجماعة نصبت كمينا لجنديين أول أمس الأحد على طريق ناء في بلدة كالوتان جنوب البلاد.",
    "2015-08-11",
    |r| {
        let e = &r.events[0];
        let l = e.location.as_ref().expect("a location");
        assert_eq!(l.name, "كالوتان");
        assert_eq!(l.precision, Some(rasd_model::GeoPrecision::Locality));
    }
);

t!(
    the_hospital_of_the_wounded_is_not_where_the_bombing_was,
    "زار المدير المصابين في مستشفى النور العام جراء التفجير الذي وقع أمس في مسجد الحي الغربي.",
    "2015-08-11",
    |r| {
        for e in &r.events {
            let l = e.location.as_ref().map(|l| l.name.as_str());
            assert_ne!(l, Some("مستشفى النور العام"), "{:#?}", e.location);
        }
    }
);

t!(
    the_countryside_of_a_town_is_its_governorate,
    "وتستمر الاشتباكات بين قوات النظام وعناصر التنظيم في محيط الحقول النفطية بريف حمص الشرقي منذ صباح اليوم.",
    "2015-08-11",
    |r| {
        let e = of_kind(&r, EventType::ArmedClash);
        let l = e.location.as_ref().expect("a location");
        assert_eq!(l.name, "ريف حمص");
        assert_eq!(l.precision, Some(rasd_model::GeoPrecision::Admin1));
    }
);

t!(
    fighting_told_with_its_sides_is_told_anew,
    "وقتل عشرة في معارك بين الفصائل وقوات النظام في بلدة الفوعة بريف إدلب. ويأتي هذا فيما تستمر الاشتباكات بين قوات النظام وعناصر تنظيم داعش في محيط الحقول النفطية بريف حمص الشرقي.",
    "2015-08-11",
    |r| {
        let clashes: Vec<_> = r
            .events
            .iter()
            .filter(|e| e.kind == EventType::ArmedClash)
            .collect();
        assert_eq!(clashes.len(), 2, "{:#?}", r.events);
    }
);

t!(
    the_towns_a_force_shelled_are_one_event_each_but_twin_towns_one,
    "وقصفت قوات النظام الحولة وتلبيسة بريف حمص الشمالي أمس. وقصفت الفصائل بلدتي الفوعة وكفريا بريف إدلب.",
    "2015-08-11",
    |r| {
        let places: Vec<&str> = r
            .events
            .iter()
            .filter_map(|e| e.location.as_ref().map(|l| l.name.as_str()))
            .collect();
        assert_eq!(r.events.len(), 3, "{places:?}");
        assert!(r
            .events
            .iter()
            .all(|e| e.kind == EventType::MissileArtillery), "{:#?}", r.events);
    }
);

t!(
    a_ground_forces_bombardment_is_shelling_though_aircraft_struck_nearby,
    "وترافق ذلك مع قصف الطيران الحربي على مناطق الاشتباك، فيما قصفت قوات النظام بلدة تلبيسة بريف حمص الشمالي.",
    "2015-08-11",
    |r| {
        let e = r
            .events
            .iter()
            .find(|e| placed(e, "تلبيسة"))
            .expect("the shelling of Talbiseh");
        assert_eq!(e.kind, EventType::MissileArtillery);
    }
);

t!(
    casualties_told_at_a_place_of_their_own_are_another_event,
    "وتدور منذ أسابيع معارك في بلدات بأطراف مدينة الفلوجة. من جهتها قالت مصادر في الشرطة إن خمسة من أفرادها قتلوا أثناء هجومهم على ثكنات التنظيم غربي بلدة حديثة.",
    "2015-08-09",
    |r| {
        assert!(somewhere(&r, "حديثة"), "{:#?}", r.events);
    }
);

t!(
    a_district_of_istanbul_places_the_bombing,
    "استهدف هجوم بسيارة مفخخة مركزا للشرطة في حي سلطان بايلي في الجانب الآسيوي من إسطنبول بعد منتصف ليل الأحد.",
    "2015-08-11",
    |r| {
        assert!(placed(&r.events[0], "سلطان بايلي"), "{:#?}", r.events[0].location);
    }
);

t!(
    modern_munitions_are_not_haditha,
    "وقالت الوزارة إن الطائرات قصفت أمس مخابئ ومخازن وذخائر حديثة وتقليدية تابعة للتنظيم في جبال قنديل.",
    "2015-07-25",
    |r| {
        assert!(nowhere(&r, "حديثة"), "{:#?}", r.events);
    }
);

t!(
    common_words_are_no_towns,
    "وكانت المراسم بدأت بمسيرة سلمية، ثم أطلق مسلح النار على زوجته فاطمة أمس فقتلها.",
    "2015-08-11",
    |r| {
        for e in &r.events {
            let id = e.location.as_ref().and_then(|l| l.place_id.as_deref());
            assert!(
                !matches!(id, Some("SY.salamiyah" | "SY.atmeh")),
                "{:#?}",
                e.location
            );
        }
    }
);

t!(
    the_capital_alone_is_the_capital_of_the_articles_country,
    "قالت مصادر يمنية إن قتلى سقطوا في اقتتال داخلي نشب أمس داخل معسكرين للحرس الجمهوري في غرب العاصمة وجنوبها، بين ضباط موالين للرئيس السابق وآخرين موالين لجماعة الحوثي في اليمن.",
    "2015-08-03",
    |r| {
        let e = of_kind(&r, EventType::ArmedClash);
        assert_eq!(
            e.location.as_ref().and_then(|l| l.place_id.as_deref()),
            Some("YE.sanaa_city"),
            "{:#?}",
            e.location
        );
    }
);

t!(
    an_operations_dawn_and_defused_bombs_make_no_bombing,
    "وواصلت القوات تطهير ناحية الكرمة ضمن عملية فجر الكرمة، وكانت النتائج قتل 21 مسلحا وتفكيك 3 منازل مفخخة، و42 عبوة ناسفة.",
    "2015-07-22",
    |r| {
        assert!(
            r.events.iter().all(|e| !e.weapons.contains(&rasd_model::Weapon::Ied)
                && e.kind != EventType::SuicideBomb),
            "{:#?}",
            r.events
        );
    }
);

t!(
    an_area_the_gazetteer_lacks_places_the_ambush,
    "وقتل تسعة من المسلحين في كمين نصبته المقاومة أمس في منطقة الحدبة شمال البلاد.",
    "2015-07-26",
    |r| {
        let e = &r.events[0];
        assert_eq!(
            e.location.as_ref().map(|l| l.name.as_str()),
            Some("الحدبة"),
            "{:#?}",
            e.location
        );
    }
);

t!(
    where_an_official_who_speaks_is_is_not_where_the_mines_killed,
    "وقال المسؤول الصحي في عدن سالم ناصر إن مدنيين قتلوا بانفجار ألغام أرضية تركها المسلحون لدى عودتهم إلى منازلهم في زنجبار.",
    "2015-08-09",
    |r| {
        let e = &r.events[0];
        assert!(placed(e, "زنجبار"), "{:#?}", e.location);
    }
);

/// A document published at a web address (its outlet's country comes from it).
fn run_at(url: &str, text: &str, published: &str) -> Record {
    let mut doc = Document::new("t", text);
    doc.meta.published = IsoDate::parse(published).ok();
    doc.meta.url = Some(url.to_string());
    Pipeline::new().extract(&doc)
}

#[test]
fn an_event_with_no_place_is_in_the_country_the_article_is_about() {
    let r = run(
        "أعلنت السلطات في العراق أن مسلحين هاجموا دورية للجيش أمس. وقال مسؤول عراقي إن الهجوم أسفر عن مقتل جنديين. وتشهد محافظات العراق توترا منذ أشهر.",
        "2015-08-09",
    );
    assert!(!r.events.is_empty(), "{:#?}", r.events);
    assert!(
        r.events.iter().all(|e| country(e) == Some("IQ")),
        "{:#?}",
        r.events
    );
}

#[test]
fn an_arrest_a_home_outlet_praises_is_in_its_country() {
    let text = "أشاد مواطنون بنجاح الأجهزة الأمنية في القبض على خلية إرهابية كانت تخطط لاستهداف المساجد، مؤكدين أن المملكة ستبقى آمنة بفضل يقظة رجال الأمن. وقال أحدهم إن أمن بلادنا خط أحمر.";
    let r = run_at("http://www.example.com.sa/news/1", text, "2015-07-21");
    let e = of_kind(&r, EventType::Arrest);
    assert_eq!(country(e), Some("SA"), "{:#?}", e.location);
    // Without its outlet, «المملكة» and «بلادنا» name no country.
    let r = run(text, "2015-07-21");
    assert!(
        r.events.iter().all(|e| e.location.is_none()),
        "{:#?}",
        r.events
    );
}

t!(
    a_piece_on_the_wounded_of_a_bombing_codes_the_bombing_once,
    "تبرع عشرات المواطنين بدمائهم لمصابي حادثة تفجير مسجد قوات الأمن في مدينة الدمام، وقدموا العزاء لأسر الضحايا. \
     وامتلأت قاعات بنك الدم بالمتبرعين منذ الصباح، فيما نقل مصابو تفجير المسجد إلى المستشفيات.",
    "2015-08-12",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert!(placed(&r.events[0], "الدمام"), "{:#?}", r.events[0].location);
    }
);

t!(
    fighting_in_the_accusative_is_a_clash,
    "وشهدت محافظة لحج أمس قتالا عنيفا بين المقاومة والمتمردين.",
    "2015-08-09",
    |r| {
        let e = of_kind(&r, EventType::ArmedClash);
        assert!(placed(e, "لحج"), "{:#?}", e.location);
    }
);

#[test]
fn an_arrest_with_no_place_is_in_the_country_its_article_and_its_adjectives_name_most() {
    let r = run_at(
        "https://aawsat.com/home/article/1",
        "فككت السلطات المغربية خلية تضم ثمانية عناصر. \
         واعتقلت الأجهزة الأمنية أمس المشتبه بهم في أربع مدن مغربية، بحسب بيان لوزارة الداخلية. \
         وقال البيان إن عناصر الخلية تدربوا في سوريا والعراق، وإن المغرب يواجه خطر عودة المقاتلين.",
        "2015-07-22",
    );
    let e = of_kind(&r, EventType::Arrest);
    assert_eq!(country(e), Some("MA"), "{:#?}", e.location);
}

t!(
    an_adjective_after_a_definite_noun_is_no_town,
    "وقتل ثلاثة جنود في هجوم على قرية كيلوا على الطريق المؤدية إلى مدينة باما أمس.",
    "2015-08-09",
    |r| {
        assert!(nowhere(&r, "مودية"), "{:#?}", r.events);
        assert!(!r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    a_town_written_without_the_article_is_still_read_alone,
    "اندلعت اشتباكات عنيفة في مديرية مودية أمس.",
    "2015-08-09",
    |r| {
        assert!(somewhere(&r, "مودية"), "{:#?}", r.events);
    }
);

t!(
    towns_told_after_a_country_in_its_clause_are_where,
    "وقالت القيادة في بيان إن الضربات التي نفذت في سوريا أصابت مواقع قتالية ومخازن للأسلحة بالقرب من مدن حلب والحسكة والرقة.",
    "2015-08-09",
    |r| {
        assert!(somewhere(&r, "حلب"), "{:#?}", r.events);
        assert!(somewhere(&r, "الحسكة"), "{:#?}", r.events);
        assert!(nowhere(&r, "سوريا"), "{:#?}", r.events);
    }
);

t!(
    a_trial_codes_the_bombing_it_judges_at_most_once,
    "أرجأت المحكمة اليوم الخميس جلسة محاكمة متهمي تفجير مسجد الإمام علي في مدينة الدمام إلى الأسبوع المقبل. \
     ووجهت النيابة في الشهر الماضي الاتهام إلى المتهمين في قضية تفجير المسجد.",
    "2015-08-06",
    |r| {
        assert!(r.events.len() <= 1, "{:#?}", r.events);
    }
);

t!(
    the_subject_of_being_hit_is_the_named_village,
    "كما تعرضت قرية المحصنة التي تم تحريرها أخيرا إلى قصف مكثف من المتمردين بقذائف الهاون.",
    "2015-08-09",
    |r| {
        assert!(somewhere(&r, "المحصنة"), "{:#?}", r.events);
    }
);

t!(
    advancing_towards_a_place_is_a_battle,
    "وقال مصدر عسكري إن قوات المقاومة تواصل تقدمها باتجاه مدينة الحوطة بعد معارك مع المتمردين.",
    "2015-08-09",
    |r| {
        let e = of_kind(&r, EventType::ArmedClash);
        assert!(placed(e, "الحوطة"), "{:#?}", e.location);
    }
);

t!(
    opening_fire_with_fath_keeps_its_fa,
    "وفتحت قوات الأمن النار على مسيرة في مدينة حماة أمس.",
    "2015-08-09",
    |r| {
        assert!(somewhere(&r, "حماة"), "{:#?}", r.events);
    }
);

t!(
    air_strikes_and_a_ground_forces_rockets_are_two_events,
    "قتل عشرات المسلحين بغارات طائرات التحالف على مواقعهم في مدينة الفلوجة، وقصف الجيش العراقي براجمات صواريخ أحياء في مدينة الفلوجة أمس.",
    "2015-08-09",
    |r| {
        of_kind(&r, EventType::AirDroneStrike);
        of_kind(&r, EventType::MissileArtillery);
    }
);

t!(
    a_prayer_for_the_dead_of_a_bombing_codes_it_once,
    "أبدأ بالدعاء لله أن يتقبل ضحايا التفجير الإرهابي الذي طال مسجد قوات الأمن في مدينة الدمام، وأن يمن على المصابين بالشفاء العاجل. إن الوطن باق رغم كيد الكائدين.",
    "2015-08-12",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert!(placed(&r.events[0], "الدمام"), "{:#?}", r.events[0].location);
    }
);

t!(
    setting_fire_to_a_home_is_an_attack,
    "أضرم مستوطنون النار في منزل عائلة فلسطينية في قرية دوما جنوب نابلس فجر الجمعة.",
    "2015-08-09",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].kind, EventType::Attack);
        assert!(placed(&r.events[0], "دوما"), "{:#?}", r.events[0].location);
    }
);

t!(
    burning_calories_is_no_attack,
    "أحرقت العداءة سعرات كثيرة في السباق أمس.",
    "2015-08-09",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    protectors_of_the_homeland_are_no_hama,
    "أدان المجلس استهداف حماة الوطن في مسجد قوات الأمن بمدينة الدمام أمس.",
    "2015-08-09",
    |r| {
        assert!(
            r.events.iter().all(|e| !placed(e, "حماة")),
            "{:#?}",
            r.events
        );
    }
);

t!(
    hama_with_its_bearing_is_hama,
    "قصفت الطائرات ريف حماة الشمالي أمس.",
    "2015-08-09",
    |r| {
        assert!(somewhere(&r, "حماة"), "{:#?}", r.events);
    }
);

t!(
    the_base_stormed_is_the_base_named_before,
    "تحصن المتمردون داخل قاعدة العند الجوية في محافظة لحج منذ أسابيع، وقامت المقاومة الشعبية أمس بدعم من طائرات التحالف العربي وقوات الجيش الموالية للحكومة الشرعية في اليمن باقتحام القاعدة والسيطرة عليها.",
    "2015-08-09",
    |r| {
        assert!(somewhere(&r, "العند"), "{:#?}", r.events);
    }
);

t!(
    a_speakers_university_is_not_where_it_happened,
    "وصف وكيل جامعة حفر الباطن التفجير الإرهابي الذي استهدف مسجدا بأنه عمل إجرامي.",
    "2015-08-09",
    |r| {
        assert!(
            r.events.iter().all(|e| !placed(e, "حفر الباطن")),
            "{:#?}",
            r.events
        );
    }
);

t!(
    an_event_placed_at_its_country_is_where_the_article_is,
    "اشتبكت القوات الحكومية مع مسلحين في اليمن أمس. وقال محافظ لحج إن الوضع في مدينة الحوطة هادئ.",
    "2015-08-09",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let l = r.events[0].location.as_ref().expect("a place");
        assert_eq!(l.admin1.as_deref(), Some("لحج"), "{l:#?}");
    }
);

t!(
    places_spread_over_a_country_leave_its_event_there,
    "اشتبكت القوات الحكومية مع مسلحين في اليمن أمس. وقال محافظ لحج إن الوضع في مدينة تعز هادئ.",
    "2015-08-09",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let l = r.events[0].location.as_ref().expect("a place");
        assert_eq!(
            l.precision,
            Some(rasd_model::GeoPrecision::Country),
            "{l:#?}"
        );
    }
);

t!(
    the_place_of_another_event_is_not_what_the_article_is_about,
    "اشتبكت قوات الأمن التركية مع مسلحي حزب العمال الكردستاني في تركيا أمس، بعد أيام من \
     التفجير الانتحاري الذي وقع في مدينة سروج. وكان تفجير سروج قد أوقع 32 قتيلا.",
    "2015-08-09",
    |r| {
        let clash = r
            .events
            .iter()
            .find(|e| e.kind == EventType::ArmedClash)
            .expect("the clash");
        assert!(!placed(clash, "سروج"), "{:#?}", clash.location);
    }
);

t!(
    a_weekday_in_direct_speech_dates_the_event,
    "قال مسؤول إن «المسلح قتل أربعة جنود في ولاية أوهايو الخميس الماضي قبل أن تقتله الشرطة».",
    "2015-07-21",
    |r| {
        let e = of_kind(&r, EventType::Attack);
        assert_eq!(e.date.as_deref(), Some("2015-07-16"), "{:#?}", r.events);
    }
);

t!(
    today_in_direct_speech_is_the_day_of_the_words,
    "وقال المحافظ إن «مروحيتين هاجمتا صباح اليوم حاجزا للجيش».",
    "2015-07-21",
    |r| {
        assert!(
            r.events.iter().all(|e| e.date_text.is_none()),
            "{:#?}",
            r.events
        );
    }
);

t!(
    a_town_the_gazetteer_lacks_ends_before_its_date,
    "قتل مسلح ثلاثة أشخاص في بلدة كارمينغتون الأحد الماضي.",
    "2015-07-21",
    |r| {
        assert!(somewhere(&r, "كارمينغتون"), "{:#?}", r.events);
        assert!(nowhere(&r, "كارمينغتون الأحد"), "{:#?}", r.events);
    }
);

t!(
    a_town_the_gazetteer_lacks_ends_before_its_adjective,
    "أصيب شخصان في هجوم بسكين داخل متجر في مدينة هيلمارسون الواقعة شمال البلاد أمس.",
    "2015-07-21",
    |r| {
        assert!(somewhere(&r, "هيلمارسون"), "{:#?}", r.events);
        assert!(nowhere(&r, "هيلمارسون الواقعة"), "{:#?}", r.events);
    }
);

t!(
    strikes_backing_a_ground_force_are_its_battle,
    "قال مسؤولون إن القوات الحكومية مدعومة بضربات جوية من التحالف استعادت مواقع على مشارف مدينة زنجبار أمس.",
    "2015-07-21",
    |r| {
        assert!(
            r.events.iter().any(|e| e.kind == EventType::ArmedClash),
            "{:#?}",
            r.events
        );
        assert!(
            r.events.iter().all(|e| e.kind != EventType::AirDroneStrike),
            "{:#?}",
            r.events
        );
    }
);

t!(
    strikes_of_their_own_stay_strikes,
    "شنت طائرات التحالف غارات على مواقع المتمردين في مدينة زنجبار أمس.",
    "2015-07-21",
    |r| {
        assert!(
            r.events.iter().any(|e| e.kind == EventType::AirDroneStrike),
            "{:#?}",
            r.events
        );
    }
);

t!(
    a_state_of_a_country_far_away_is_placed,
    "قتل مسلح خمسة أشخاص في إطلاق نار داخل كنيسة في ولاية كارولاينا الجنوبية أمس.",
    "2015-07-21",
    |r| {
        let e = of_kind(&r, EventType::Attack);
        let loc = e.location.as_ref().expect("a place");
        assert_eq!(loc.country.as_deref(), Some("US"), "{loc:#?}");
        assert_eq!(
            loc.precision,
            Some(rasd_model::GeoPrecision::Admin1),
            "{loc:#?}"
        );
    }
);

t!(
    a_wilaya_named_like_its_town_leaves_the_town_its_name,
    "قتل جنديان في هجوم على دورية قرب مدينة باتنة أمس.",
    "2015-07-21",
    |r| {
        let e = r.events.first().expect("an event");
        let loc = e.location.as_ref().expect("a place");
        assert_eq!(
            loc.precision,
            Some(rasd_model::GeoPrecision::Locality),
            "{loc:#?}"
        );
    }
);

t!(
    kashmir_is_a_place_of_its_own,
    "قتل ثلاثة مدنيين في قصف عبر خط المراقبة في إقليم كشمير أمس.",
    "2015-07-21",
    |r| {
        assert!(somewhere(&r, "كشمير"), "{:#?}", r.events);
    }
);

t!(
    the_bombing_a_trial_is_about_is_no_news,
    "ووجهت النيابة في 14 يوليو الماضي الاتهام إلى المتهمين العشرين في حادث التفجير الذي استهدف المسجد.",
    "2015-08-07",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    an_almanac_item_is_history,
    "1972- مقتل ثلاثة أشخاص في انفجار قنبلة في مدينة بلفاست",
    "2015-08-07",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    a_plane_crash_is_an_accident,
    "قتل أربعة أشخاص إثر تحطم طائرة صغيرة في ضاحية مدينة أوساكا أمس.",
    "2015-08-07",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    the_suicide_operation_told_as_known_is_a_suicide_bombing,
    "وقال مصدر أمني إن منفذ العملية الانتحارية في بلدة الريحانية أول من أمس شاب في العشرين.",
    "2015-07-22",
    |r| {
        let e = of_kind(&r, EventType::SuicideBomb);
        assert_eq!(e.date.as_deref(), Some("2015-07-20"), "{:#?}", r.events);
    }
);

t!(
    a_follow_up_takes_the_one_day_it_names,
    "فجر انتحاري نفسه داخل مسجد في مدينة الموصل. وقال شهود إن المصلين كانوا يؤدون صلاة الجمعة عندما دوى الانفجار.",
    "2016-03-14",
    |r| {
        let e = of_kind(&r, EventType::SuicideBomb);
        assert_eq!(e.date.as_deref(), Some("2016-03-11"), "{:#?}", r.events);
    }
);

t!(
    a_follow_up_naming_two_days_keeps_its_paper_s_day,
    "فجر انتحاري نفسه داخل مسجد في مدينة الموصل، ما أسفر عن مقتل خمسة مصلين. وأغلقت السلطات المسجد الخميس وأعادت فتحه السبت.",
    "2016-03-14",
    |r| {
        let e = of_kind(&r, EventType::SuicideBomb);
        assert_eq!(e.date.as_deref(), Some("2016-03-14"), "{:#?}", r.events);
    }
);

t!(
    a_dual_unit_introduces_a_name_that_is_also_a_word,
    "سيطرت القوات الحكومية على مديريتي الصومعة ومكيراس بعد معارك عنيفة.",
    "2015-08-10",
    |r| {
        assert!(somewhere(&r, "الصومعة"), "{:#?}", r.events);
        assert!(somewhere(&r, "مكيراس"), "{:#?}", r.events);
    }
);

t!(
    districts_of_a_round_up_are_places_of_their_own,
    "وسيطرت قوات المقاومة الشعبية أمس على مديريتي بعدان والسبرة في محافظة إب بعد اشتباكات مع الحوثيين.",
    "2015-08-20",
    |r| {
        assert_eq!(r.events.len(), 2, "{:#?}", r.events);
        for e in &r.events {
            let l = e.location.as_ref().expect("a place");
            assert_eq!(l.precision, Some(rasd_model::GeoPrecision::Admin2), "{l:#?}");
            assert_eq!(l.admin1.as_deref(), Some("إب"), "{l:#?}");
        }
        assert!(somewhere(&r, "بعدان"), "{:#?}", r.events);
        assert!(somewhere(&r, "السبرة"), "{:#?}", r.events);
    }
);

t!(
    an_afghan_district_is_placed,
    "وقتل ثلاثة مسلحين في مواجهات بمديرية خاكريز في ولاية قندهار الجمعة.",
    "2015-08-20",
    |r| {
        let e = of_kind(&r, EventType::ArmedClash);
        assert!(placed(e, "خاكريز"), "{:#?}", r.events);
        assert_eq!(country(e), Some("AF"));
    }
);

t!(
    a_suicide_bombing_told_in_two_stories_of_one_article_is_one_event,
    "وصف المفتي التفجير الانتحاري الذي استهدف مسجدا في منطقة عسير ظهر الخميس بأنه جريمة نكراء.\n\
     وأكد أن المجتمع متماسك وأن الوطن سيبقى آمنا.\n\
     من جهة أخرى، وقف أمير المنطقة ظهر الخميس على موقع التفجير الانتحاري في أبها، وقال إن التفجير عمل إرهابي.",
    "2015-08-08",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].kind, EventType::SuicideBomb);
        assert_eq!(r.events[0].date.as_deref(), Some("2015-08-06"));
    }
);

t!(
    the_day_of_a_visit_to_the_victims_is_not_the_bombings,
    "فجر انتحاري نفسه في مسجد بمدينة أبها يوم الخميس الماضي.\n\
     وقال المتحدث إن التحقيقات مستمرة.\n\
     إلى ذلك، اطمأن نائب الوزير أمس على المصابين من رجال الأمن في حادث تفجير المسجد في أبها.",
    "2015-08-09",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].date.as_deref(), Some("2015-08-06"));
    }
);

t!(
    the_day_newspapers_came_out_is_not_the_events,
    "منحت الصحف العربية الصادرة أمس مساحة واسعة لتفجير مسجد قوات الطوارئ في عسير.",
    "2015-08-08",
    |r| {
        let e = of_kind(&r, EventType::SuicideBomb);
        assert_ne!(e.date.as_deref(), Some("2015-08-07"), "{e:#?}");
    }
);

t!(
    a_battle_is_no_village,
    "قتل ثلاثة مقاتلين في معركة تحرير القاعدة الجوية في محافظة لحج أمس.",
    "2015-08-08",
    |r| {
        let e = of_kind(&r, EventType::ArmedClash);
        assert!(!placed(e, "معركة"), "{e:#?}");
    }
);

t!(
    a_truce_decided_to_start_is_an_agreement,
    "وقالت قيادة القوات المشتركة في بيان إنه تقرر أن تبدأ الهدنة في جنوب السودان اعتبارا من مساء السبت لمدة سبعة أيام.",
    "2016-05-12",
    |r| {
        of_kind(&r, EventType::Agreement);
    }
);

t!(
    a_truce_announced_to_begin_is_an_agreement,
    "وأعلن الجيش بدء الهدنة في مدينة حلب صباح اليوم.",
    "2016-05-12",
    |r| {
        of_kind(&r, EventType::Agreement);
    }
);

t!(
    a_truce_broken_is_no_agreement,
    "وتبادل الطرفان الاتهامات بخرق الهدنة في مدينة حلب.",
    "2016-05-12",
    |r| {
        assert!(
            r.events.iter().all(|e| e.kind != EventType::Agreement),
            "{:#?}",
            r.events
        );
    }
);

t!(
    a_column_about_one_bombing_codes_it,
    "لم يكن التفجير الذي استهدف مسجد الحي حادثا عابرا، فمن خطط لهذا الهجوم أراد أن يشعل الفتنة. \
     إن الجريمة التي راح ضحيتها المصلون تكشف فكر من يقف وراء هذا الاعتداء الآثم. وقد أثبت \
     المواطنون بعد التفجير أنهم صف واحد، وأن الإرهابي الذي فجر نفسه بين المصلين لن ينال من \
     وحدتهم. إن أبناء مدينة الدمام أوفياء لوطنهم.",
    "2016-03-14",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].kind, EventType::SuicideBomb);
    }
);

t!(
    a_shelling_launched_by_a_ground_force_is_no_air_strike,
    "قتل مدني في قصف شنه الحوثيون على أحياء سكنية في مدينة تعز، فيما شنت طائرات التحالف غارات على مواقع في صنعاء.",
    "2015-08-01",
    |r| {
        let e = r
            .events
            .iter()
            .find(|e| e.location.as_ref().is_some_and(|l| l.name == "مدينة تعز"))
            .unwrap_or_else(|| panic!("{:#?}", r.events));
        assert_eq!(e.kind, EventType::MissileArtillery, "{:#?}", r.events);
    }
);

t!(
    a_noun_with_tanween_is_no_place,
    "قال مسؤولون إن جنوداً قتلوا صبياً بالرصاص قرب السياج في شمال قطاع غزة اليوم.",
    "2015-07-31",
    |r| {
        assert!(nowhere(&r, "صبيا"), "{:#?}", r.events);
        assert!(nowhere(&r, "صبياً"), "{:#?}", r.events);
    }
);

t!(
    a_paper_s_name_in_its_byline_is_no_date,
    "صوت اليوم – متابعات\nفجر انتحاري نفسه داخل مسجد في مدينة الموصل. وقال شهود إن المصلين كانوا يؤدون صلاة الجمعة عندما دوى الانفجار.",
    "2016-03-14",
    |r| {
        let e = of_kind(&r, EventType::SuicideBomb);
        assert_eq!(e.date.as_deref(), Some("2016-03-11"), "{:#?}", r.events);
    }
);

t!(
    a_day_between_dashes_is_a_date,
    "قتل -الخميس- شخصان برصاص مسلح داخل صالة سينما في مدينة الموصل.",
    "2016-03-14",
    |r| {
        let e = of_kind(&r, EventType::Attack);
        assert_eq!(e.date.as_deref(), Some("2016-03-10"), "{:#?}", r.events);
    }
);

t!(
    a_name_after_a_place_word_takes_no_proclitic_but_waw,
    "قتل مسلحان في اشتباك مع الشرطة في منطقة باكسان.",
    "2015-07-23",
    |r| {
        assert!(
            r.events
                .iter()
                .all(|e| e.location.as_ref().is_none_or(|l| l.name != "اكسان")),
            "{:#?}",
            r.events
        );
    }
);

t!(
    the_seat_of_who_condemns_is_not_where_it_happened,
    "أدانت رابطة العلماء بمكة المكرمة العمل الإرهابي الذي استهدف مسجد قوات الطوارئ بمنطقة عسير.",
    "2015-08-07",
    |r| {
        assert!(nowhere(&r, "مكة المكرمة"), "{:#?}", r.events);
        assert!(somewhere(&r, "منطقة عسير"), "{:#?}", r.events);
    }
);

t!(
    a_place_in_what_is_said_is_no_seat,
    "وأضاف البيان أن قوات التحالف نفذت في العراق عشر ضربات جوية قرب ثماني مدن.",
    "2015-08-09",
    |r| {
        assert!(somewhere(&r, "العراق"), "{:#?}", r.events);
    }
);

t!(
    control_held_is_no_taking,
    "وقصفت طائرات التحالف أمس مواقع الحوثيين في مدينة الحوطة الواقعة تحت سيطرة الميليشيات.",
    "2015-08-05",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].kind, EventType::AirDroneStrike);
    }
);

t!(
    control_that_changed_hands_is_a_taking,
    "وقال مصدر عسكري يمني أمس إن مدينة الحوطة باتت تحت سيطرة المقاومة الشعبية بعد معارك عنيفة.",
    "2015-08-05",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].kind, EventType::ArmedClash);
        assert_eq!(r.events[0].date.as_deref(), Some("2015-08-04"));
    }
);

t!(
    liberation_near_or_planned_is_no_event,
    "وقال مصدر عسكري يمني أمس إن تحرير مدينة تعز من قبضة الميليشيات بات وشيكا، وإن القرى المجاورة لا تزال تحت سيطرة الحوثيين. وأضاف أن استعادة السيطرة على العاصمة تعد من أولويات القوات الحكومية.",
    "2015-08-05",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    opening_fire_with_the_object_first,
    "وقال مصدر أمني إن دورية للجيش فتحت النار الأحد على سيارة مسلحين قرب مدينة الرمادي.",
    "2015-07-21",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].date.as_deref(), Some("2015-07-19"));
    }
);

t!(
    deaths_of_another_day_are_not_the_casualties_of_the_event_before,
    "وقال مسؤولون إن القوات فتحت النار السبت على قرى حدودية في منطقة لا يعرف اسمها. وأضافوا أن ثلاثة مدنيين قتلوا بنيران القوات الأربعاء في بلدة سيالكوت.",
    "2015-07-21",
    |r| {
        assert_eq!(r.events.len(), 2, "{:#?}", r.events);
        assert_eq!(r.events[0].killed, None);
        assert_eq!(r.events[1].date.as_deref(), Some("2015-07-15"));
        assert_eq!(r.events[1].killed, Some(3));
    }
);

t!(
    helicopter_crash_is_an_accident_not_an_attack,
    "أعلنت مصادر رسمية اليوم مقتل 12 عسكريا الخميس في تحطم مروحية عسكرية في شمال غرب البلاد.",
    "2015-08-07",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    helicopter_shot_down_is_no_accident,
    "قتل 12 عسكريا الخميس في سقوط مروحية عسكرية أسقطها مسلحون بصاروخ في شمال غرب البلاد.",
    "2015-08-07",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].killed, Some(12));
    }
);

t!(
    a_world_war_is_history,
    "وأسفر الهجوم النووي في الأيام الأخيرة للحرب العالمية الثانية عن مقتل 74 ألف شخص في مدينة ناغازاكي، التي أحيت أمس ذكراه.",
    "2015-08-10",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    a_capital_named_by_its_country,
    "وقال شهود إن انتحاريا فجر نفسه أمس أمام مركز للشرطة في العاصمة الأفغانية مما أسفر عن مقتل خمسة أشخاص.",
    "2015-08-10",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let l = r.events[0].location.as_ref().expect("a place");
        assert_eq!(l.place_id.as_deref(), Some("AF.kabul_city"));
    }
);

t!(
    a_capital_whose_name_is_also_its_government,
    "وتظاهر آلاف المعارضين أمس وسط أثينا احتجاجا على خطة التقشف.",
    "2015-08-10",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let l = r.events[0].location.as_ref().expect("a place");
        assert_eq!(l.place_id.as_deref(), Some("GR.athens"));
    }
);

t!(
    a_town_told_at_a_distance_from_a_known_one_is_not_there,
    "قالت الشرطة إن شخصين قتلا اليوم في هجوم بسكين في مدينة فيستيراس الواقعة على بعد نحو ساعة غربي العاصمة ستوكهولم.",
    "2015-08-10",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let l = r.events[0].location.as_ref().expect("a place");
        assert_eq!(l.name, "فيستيراس");
        assert_eq!(l.country.as_deref(), Some("SE"));
    }
);

t!(
    an_exchange_of_fire_is_a_battle,
    "وهاجم مسلحون أمس مركزا للشرطة في مدينة ماردين وتبادلوا إطلاق النار مع عناصره لساعات.",
    "2015-08-11",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].kind, EventType::ArmedClash);
    }
);

t!(
    an_arrest_sought_is_not_made,
    "وأوضح مدير الشرطة أن عمليات البحث جارية للقبض على المتورطين في الاعتداء على الحافلة.",
    "2015-07-24",
    |r| {
        assert!(
            r.events.iter().all(|e| e.kind != EventType::Arrest),
            "{:#?}",
            r.events
        );
    }
);

t!(
    an_arrest_someone_was_subjected_to_is_made,
    "وتعرض الصحفي للاعتقال أمس في القاهرة.",
    "2015-07-24",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].kind, EventType::Arrest);
    }
);

t!(
    a_ruler_ousted_is_no_arrest,
    "وشهدت البلاد اضطرابات متعاقبة منذ الإطاحة بالرئيس الأسبق في فبراير 2011.",
    "2015-07-24",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    floods_that_sweep_in_make_no_raid,
    "ونجا شاب مساء أمس الأول من الموت بعد مداهمته السيول أثناء قطعه الوادي، فيما احتجزت السيول مركبات المواطنين في القرى.",
    "2015-08-04",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    the_terrorist_operation_made_definite_is_told,
    "وقالت الشرطة إن عصابة من المستوطنين نفذت العملية الإرهابية فجر أمس في قرية دوما قرب نابلس.",
    "2015-08-01",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].date.as_deref(), Some("2015-07-31"));
    }
);

t!(
    an_attack_of_words_is_no_event,
    "وشن المرشح أمس هجوما لاذعا على منافسيه في السباق، فيما تتعرض حملته لهجمات إعلامية متواصلة.",
    "2015-08-01",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    a_raid_to_arrest_is_an_arrest,
    "وقالت مصادر فلسطينية إن القوات الإسرائيلية قتلت فلسطينيا بالرصاص أمس أثناء قيامها بدهم لاعتقال ناشطين في مدينة جنين.",
    "2015-07-23",
    |r| {
        assert!(r.events.iter().any(|e| e.kind == EventType::Arrest), "{:#?}", r.events);
    }
);

t!(
    tanks_firing_are_no_accident,
    "وقال المتحدث إن القتال مستمر أمس في مدينة دونيتسك مع استخدام نيران الدبابات والمدفعية.",
    "2015-08-04",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
    }
);

t!(
    a_condemned_bombing_is_where_its_own_clause_says,
    "ندد رئيس هيئة مدينة جدة الشيخ سالم بن عمر، ومدير فرع الوزارة بمنطقة مكة المكرمة، بالتفجير الإرهابي الذي وقع أثناء صلاة العصر يوم الجمعة الماضي في جامع حي النور الكبير بمدينة نجران.",
    "2015-08-10",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        let l = r.events[0].location.as_ref().expect("a place");
        assert!(l.name.contains("نجران"), "{l:#?}");
    }
);

t!(
    a_collision_is_an_accident,
    "وقالت الشرطة إن 12 شخصا قتلوا أمس بتصادم حافلتين على الطريق السريع، وإن حادثة التصادم أوقعت 30 جريحا.",
    "2015-08-04",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    the_toll_of_a_bombing_of_history_is_history,
    "ومن أشهر تلك الجرائم تفجير كنيسة في بغداد في 31 أكتوبر عام 2010، الذي أسفر عن مقتل 58 شخصا وإصابة 78 آخرين.",
    "2015-08-10",
    |r| {
        assert!(r.events.is_empty(), "{:#?}", r.events);
    }
);

t!(
    a_family_name_is_no_place,
    "قصفت طائرات التحالف أمس منزل المحافظ العميد سالم محمد المنصوري، فيما سيطرت المقاومة على الحوطة بعد معارك عنيفة.",
    "2015-08-07",
    |r| {
        assert!(
            r.events.iter().all(|e| country(e) != Some("LB")),
            "{:#?}",
            r.events
        );
        assert!(
            r.events.iter().any(|e| e
                .location
                .as_ref()
                .is_some_and(|l| l.name.contains("الحوطة"))),
            "{:#?}",
            r.events
        );
    }
);

t!(
    a_day_of_background_stays_in_its_paragraph,
    "وكانت المقاومة قد حررت مدينة الضالع أواخر مايو الماضي بعد معارك عنيفة.\n\nوفي مدينة تعز، شهدت الأحياء الشرقية خلال الساعات الماضية مواجهات عنيفة بين المقاومة والحوثيين.",
    "2015-08-07",
    |r| {
        let taiz = r
            .events
            .iter()
            .find(|e| e.location.as_ref().is_some_and(|l| l.name.contains("تعز")))
            .expect("the battle of Taiz");
        assert!(
            taiz.date.as_deref().is_some_and(|d| d.starts_with("2015-08")),
            "{taiz:#?}"
        );
    }
);

t!(
    a_similar_blast_elsewhere_is_another_event,
    "وقال مصدر في الشرطة إن شخصين قتلا أمس بانفجار عبوة ناسفة في منطقة الدورة جنوبي بغداد. وأضاف أن انفجارا مماثلا وقع في مدينة الصدر شرقي بغداد، مما أدى إلى إصابة ستة أشخاص.",
    "2015-08-10",
    |r| {
        assert_eq!(r.events.len(), 2, "{:#?}", r.events);
    }
);

t!(
    a_crime_of_burning_is_an_attack_and_burning_calories_none,
    "وأدان الوزير جريمة حرق منزل عائلة فلسطينية في قرية دوما على أيدي مستوطنين فجر الجمعة. وفي خبر آخر، قالت المدربة إن تمارين الجري تساعد في عملية حرق الدهون.",
    "2015-08-02",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].kind, EventType::Attack);
    }
);

t!(
    a_quarter_held_by_a_town_abroad_is_not_the_namesake,
    "قتل اليوم قيادي حوثي في منطقة العلم بعدن، بعد هجوم كاسح للمقاومة الشعبية.",
    "2015-07-23",
    |r| {
        assert!(!r.events.is_empty(), "{:#?}", r.events);
        assert!(
            r.events.iter().all(|e| country(e) == Some("YE")),
            "{:#?}",
            r.events
        );
    }
);

t!(
    the_day_of_a_visit_is_not_the_bombing_s,
    "وقتل 15 شخصا في تفجير انتحاري استهدف مسجدا في مدينة أبها يوم الخميس. واطلع الوزير على آثار التفجير خلال زيارته أمس.",
    "2015-08-09",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(r.events[0].date.as_deref(), Some("2015-08-06"));
    }
);

t!(
    deaths_told_before_the_blast_they_followed_are_its_deaths,
    "قتل أربعة جنود اليوم إثر انفجار عبوة ناسفة بمحافظة الأنبار.",
    "2015-07-24",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert!(placed(&r.events[0], "محافظة الأنبار"), "{:#?}", r.events);
    }
);

t!(
    rafah_is_egypt_s_in_a_story_of_sinai_and_gaza_s_in_one_of_gaza,
    "وقال المتحدث العسكري المصري إن الجيش قتل 20 مسلحا في رفح والشيخ زويد بشمال سيناء أمس. وأكد أن الحملة على الإرهاب في مصر مستمرة.",
    "2015-08-03",
    |r| {
        assert!(!r.events.is_empty(), "{:#?}", r.events);
        assert!(r.events.iter().all(|e| country(e) == Some("EG")), "{:#?}", r.events);
        assert!(r.entities.iter().all(|e| e.country.as_deref() != Some("PS")), "{:#?}", r.entities);
    }
);

t!(
    rafah_of_gaza_stays_in_gaza,
    "قصفت طائرات الاحتلال الإسرائيلي منزلا في رفح جنوب قطاع غزة أمس، ما أدى إلى إصابة ثلاثة فلسطينيين.",
    "2015-08-03",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert_eq!(country(&r.events[0]), Some("PS"));
    }
);

t!(
    a_common_noun_after_area_is_no_site,
    "وقتل خمسة أشخاص في هجوم انتحاري أمس في منطقة مزدحمة قرب سوق في ولاية بورنو. وقصفت طائرات التحالف منطقة تجمع خاصة بالمسلحين في شمال العراق.",
    "2015-08-03",
    |r| {
        assert!(!r.events.is_empty(), "{:#?}", r.events);
        assert!(nowhere(&r, "مزدحمة"), "{:#?}", r.events);
        assert!(nowhere(&r, "تجمع"), "{:#?}", r.events);
    }
);

t!(
    a_separate_incident_is_another_event,
    "قتل جندي تركي أمس إثر انفجار لغم في مركبة عسكرية في محافظة ماردين. وفي حادثة منفصلة، قتل جندي تركي وجرح سبعة آخرون أمس عندما انفجر لغم أرضي بقافلة عسكرية في محافظة ماردين.",
    "2015-08-03",
    |r| {
        // Two landmines of one day in one province, the second told as another incident.
        assert_eq!(r.events.len(), 2, "{:#?}", r.events);
        assert!(r.events.iter().all(|e| placed(e, "ماردين")), "{:#?}", r.events);
    }
);

t!(
    an_open_area_is_no_site,
    "سقط صاروخ أطلق من قطاع غزة على منطقة مفتوحة في جنوب إسرائيل مساء أمس دون وقوع إصابات.",
    "2015-08-10",
    |r| {
        assert_eq!(r.events.len(), 1, "{:#?}", r.events);
        assert!(nowhere(&r, "مفتوحة"), "{:#?}", r.events);
    }
);

t!(
    parts_of_a_district_are_one_more_item_of_the_list,
    "وأكد مصدر محلي أن المقاومة سيطرت أمس على منطقتي السدة وحزم العدين وأجزاء من منطقة الرضمة في محافظة إب.",
    "2015-08-10",
    |r| {
        assert!(somewhere(&r, "الرضمة"), "{:#?}", r.events);
        assert!(somewhere(&r, "السدة"), "{:#?}", r.events);
    }
);

t!(
    a_common_word_with_the_preposition_ba_is_no_place,
    "وداهمت المليشيات منازل المواطنين في مدينة إب أمس بحجة البحث عن عناصر المقاومة، واعتقلت عشرة منهم.",
    "2015-08-10",
    |r| {
        assert!(!r.events.is_empty(), "{:#?}", r.events);
        assert!(r.events.iter().all(|e| country(e) == Some("YE")), "{:#?}", r.events);
        assert!(nowhere(&r, "حجة"), "{:#?}", r.events);
    }
);
