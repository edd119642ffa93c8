//! The closed word lists that extraction rules look at («منذ», the verbs that frame a report,
//! the nouns of a body's forces…), read from `data/words.tsv` (compiled in) like the lexicon:
//! the words are data, reviewed and validated, not code.
//!
//! Each list has a name (a [`W`]) and a mode: `exact` lists hold whole match keys (a token, a
//! stem), `prefix` lists hold beginnings of words («دمر» for «دمرت», «دمروا»). Words are folded
//! like every match key when the file is read. Rules ask [`W::has`] (the word is one of the
//! list) or [`W::starts`] (the word begins with one of the list). The file's order is kept: a
//! list of forms opens with its lemma ([`W::lemma`]).
use std::collections::HashSet;
use std::sync::OnceLock;

/// The built-in word lists.
pub const WORDS_TSV: &str = include_str!("../../../data/words.tsv");

macro_rules! lists {
    ($($v:ident = $name:literal, $doc:literal;)*) => {
        /// A word list of `data/words.tsv`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum W {
            $(#[doc = $doc] $v,)*
        }

        impl W {
            /// Every list.
            pub const ALL: &'static [W] = &[$(W::$v,)*];

            /// The list's name in `data/words.tsv`.
            pub fn name(self) -> &'static str {
                match self {
                    $(W::$v => $name,)*
                }
            }
        }
    };
}

lists! {
    // Detection rules.
    Without = "without", "\"Without\": the word of \"without that\": what did not happen.";
    That = "that", "\"That\" after \"without\" or a speech verb.";
    Stop = "stop", "\"Stop\" of a ceasefire, before \"firing\".";
    StopBefore = "stop_before", "\"Stop\" right before a weapon word: a ceasefire, no weapon.";
    Purpose = "purpose", "Prefixes of a purpose: a plan, no event.";
    More = "more", "\"More\" of \"more attacks\": what is to come.";
    War = "war", "\"War\", before \"world\".";
    World = "world", "\"World\" of a world war: what it tells is history.";
    ArrestSought = "arrest_sought", "Arrest nouns with the «ل» of a purpose: an arrest sought, not made.";
    Raid = "raid", "A raid before an arrest noun of purpose: the arrest was made.";
    Attempt = "attempt", "Verbs and nouns of trying, before an arrest that is not made yet.";
    Subjected = "subjected", "«تعرض» before «للاعتقال»: the arrest was made on someone.";
    Ousted = "ousted", "Rulers and regimes after «الإطاحة ب»: an ousting, no arrest.";
    Verbal = "verbal", "Prefixes of words that make an attack one of words (scathing, in the media, on a rival) or on computers.";
    Control = "control", "The noun of control («سيطرة»), as its trigger word is written with its enclitics.";
    Under = "under", "\"Under\" before control: who holds a place («تحت سيطرة»), no taking of it.";
    Distance = "distance", "\"Distance\" of «على بعد»: what follows is a reference point, elsewhere.";
    Became = "became", "Verbs of a change of hands before control («باتت تحت السيطرة»): a taking told as a state.";
    Imminent = "imminent", "Prefixes of what is near or planned, said of an event noun («بات وشيكا», «من أولويات»).";
    NotMade = "not_made", "Prefixes of words before an agreement that is sought, broken or in force.";
    Made = "made", "Prefixes of verbs before an agreement that is made: signed, reached.";
    Accident = "accident", "Accidents and forces of nature that kill: no attack.";
    Animal = "animal", "Animals that attack or kill: no attack of people.";
    Fire = "fire", "Fires: what firemen bring under control.";
    Arson = "arson", "Setting on fire: a fire that is an attack.";
    Habitual = "habitual", "Words after a verb that make it habitual.";
    SpanWords = "span_words", "Words that make plural triggers an aggregate over time.";
    Series = "series", "A series of attacks: its figures are a total.";
    DualEnding = "dual_ending", "The dual ending of a noun.";
    PointsBack = "points_back", "Demonstratives before an event word: it refers to an event told.";
    OnTrial = "on_trial", "Beginnings of words of a trial before an event word: it refers to an event told.";
    Demonstrative = "demonstrative", "Demonstratives before a plural: events told before.";
    Definite = "definite", "Words before a noun that make it refer back.";
    DefinitePrefix = "definite_prefix", "Beginnings of a word with the article.";
    Article = "article", "The article.";
    DetentionPlace = "detention_place", "Places of detention before a detention word: a place, no arrest.";
    Dawn = "dawn", "\"At dawn\": no detonation.";
    DawnStem = "dawn_stem", "The stem shared by \"dawn\" and \"detonated\".";
    Listing = "listing", "Stems of words that name a terrorism list or sanctions.";
    Judicial = "judicial", "Words of a court's sentence carried out (retribution, discretionary punishment).";
    JudicialHead = "judicial_head", "\"Sentence\" before the punishment it names.";
    JudicialDeath = "judicial_death", "The death a sentence names.";
    Charge = "charge", "Prefixes of a charge.";
    Accused = "accused", "Prefixes of an accusation.";
    // Mentions.
    Framing = "framing", "Verbs that frame the event just told.";
    Protesters = "protesters", "Prefixes of protesters: clashes with them are a protest.";
    Motive = "motive", "Words of a motive: no event unless dated.";
    Destroy = "destroy", "Prefixes of destruction: weapons destroyed are not the attack's.";
    NotUsedAfter = "not_used_after", "Words before a weapon that is not used.";
    MarchHead = "march_head", "The stem of \"march\" (also \"drone\").";
    MarchNext = "march_next", "Words after \"march\" that make it a march, not a drone.";
    MarchNextPrefix = "march_next_prefix", "Prefixes of words after \"march\" that make it a march, not a drone.";
    Since = "since", "\"Since\": a date after it starts a period.";
    PeriodStart = "period_start", "\"The start\" after \"since\": «منذ بدء المعارك», the event that began a period.";
    Until = "until", "\"Until\": a date after it ends a period.";
    UntilHead = "until_head", "\"Until\" opening a date expression: the end of a period.";
    TimeRelation = "time_relation", "Words that place one event after or before another.";
    IntervalAfter = "interval_after", "\"After\" opening how long after an event another came.";
    IntervalOf = "interval_of", "The preposition between an interval and the event it counts from.";
    IntervalOnly = "interval_only", "\"Only\" after an interval.";
    IntervalOneDay = "interval_one_day", "\"A day\" (one, or the unit after a number).";
    IntervalTwoDays = "interval_two_days", "\"Two days\".";
    IntervalDays = "interval_days", "\"Days\" after a number.";
    IntervalOneWeek = "interval_one_week", "\"A week\".";
    IntervalTwoWeeks = "interval_two_weeks", "\"Two weeks\".";
    IntervalWeeks = "interval_weeks", "\"Weeks\" after a number.";
    IntervalHours = "interval_hours", "Hours: the same day.";
    Contrast = "contrast", "Words that join two events told in one sentence.";
    ReportedThat = "reported_that", "Words that open a reported clause.";
    ClauseOpener = "clause_opener", "Pronouns after a speech verb that report its subject.";
    One = "one", "\"One\" after a counted weapon.";
    Among = "among", "The word that opens the breakdown of a figure («بينهم 12 طفلا»).";
    OneDead = "one_dead", "A casualty word whose pronoun is singular: one dead («لقي مصرعه»).";
    SingularPerson = "singular_person", "People in the singular: one casualty.";
    Consequence = "consequence", "Prefixes of what an attack led to.";
    NamedAfterDay = "named_after_day", "Streets and squares named after a day («شارع 26 سبتمبر»): the day is no date.";
    Prayer = "prayer", "A prayer or a sermon named by its day («صلاة الجمعة»): the day is the prayer's name, not the event's.";
    Victims = "victims", "The victims of an event named as such («المصابين في حادث …», «شهداء التفجير»): a day told before them is the day of what was done for them.";
    BackFacility = "back_facility", "Generic facility nouns that refer back.";
    BackLocality = "back_locality", "Generic town nouns that refer back.";
    // Parties.
    SupportVerbs = "support_verbs", "Prefixes of verbs that carry a trigger noun.";
    AgentStem = "agent_stem", "Stems before the agent of violence.";
    AgentToken = "agent_token", "Words before the agent of violence.";
    On = "on", "\"On\" (of \"at the hands of\").";
    Hand = "hand", "\"Hand\", \"hands\" (of \"at the hands of\").";
    Passive = "passive", "A word inside a passive trigger.";
    TargetIntro = "target_intro", "Words before the target of an attack.";
    SelfPronoun = "self_pronoun", "Pronouns before a verb that are the speaker.";
    AirAdjective = "air_adjective", "Adjectives of means between a trigger and a nationality.";
    // Places.
    Statement = "statement", "Words of a statement made: a place after them is where it was said («أدلى به في أنقرة»).";
    Treated = "treated", "Words of the wounded treated or taken to hospital: a place after them is the hospital's.";
    AdminUnit = "admin_unit", "Words of an administrative unit («ولاية», «محافظة»): one named after a town holds it.";
    StoryPrep = "story_prep", "The preposition of «من جهة أخرى», «على صعيد آخر»: another story follows.";
    StoryNoun = "story_noun", "The noun of «من جهة أخرى», «في سياق آخر».";
    StoryOther = "story_other", "«أخرى», «آخر» of «من جهة أخرى».";
    StoryIncident = "story_incident", "The nouns of «في حادثة منفصلة», «وفي هجوم آخر»: the story that opens with them is another incident.";
    Incident = "incident", "Nouns of an incident or a case before its event word («حادث التفجير», «قضية الهجوم»).";
    Trial = "trial", "Words of a trial or an indictment («محاكمة», «الاتهام»).";
    Anniversary = "anniversary", "«الذكرى»: the event whose anniversary it is is history, not news.";
    NearTo = "near_to", "«بالقرب», «قريبة» before «من»: the place after is near, not an origin.";
    Impose = "impose", "«فرض»: sanctions imposed on someone designate them.";
    Partitive = "partitive", "Words of a part before «من» and a definite event word, which is then new («سلسلة من الغارات»).";
    ListFiller = "list_filler", "Words between «و» and the next place of a list of places («ومواقع عسكرية أخرى في …»).";
    ListJoin = "list_join", "Words that add the next place of a list («إضافة إلى منطقة …»).";
    PluralUnit = "plural_unit", "Dual and plural units before a list of places («محافظتي», «مديريات»).";
    HeldBy = "held_by", "«التابعة»: the unit named after it holds the place before it.";
    SiteOf = "site_of", "Sites named after a town («مطار كابل»): the name after them is a place.";
    Capital = "capital", "«العاصمة»: the name after it is a town.";
    Locative = "locative", "Prepositions that introduce where something happened.";
    OpensPlace = "opens_place", "Words a sentence opens with before the place it tells of («وفي», «أما في», «مدينة»).";
    TheTown = "the_town", "A town named as known («المدينة», «البلدة»): the latest named before.";
    TheArea = "the_area", "«المنطقة»: a town named as known when said to be the same («في نفس المنطقة»).";
    SameAs = "same_as", "«نفس», «ذات» before a noun: the one just named.";
    SameAfter = "same_after", "«نفسها», «ذاتها» after a noun: the one just named.";
    AffiliationTitle = "affiliation_title", "Titles of a person whose institution a place names («وكيل جامعة حفر الباطن»).";
    TheFacility = "the_facility", "A base, an airport, a camp named as known («القاعدة»): the latest facility named before.";
    Backing = "backing", "Words of support from the air for a ground force («مدعومة بضربات جوية», «بدعم من»).";
    Weekday = "weekday", "The days of the week («الخميس»).";
    TheGovernorate = "the_governorate", "A governorate named as known («المحافظة»).";
    AtSea = "at_sea", "Words of a position at sea.";
    AtSeaPrefix = "at_sea_prefix", "Prefixes of a position at sea.";
    Origin = "origin", "Words before an origin, not the place of the event.";
    From = "from", "\"From\".";
    FromWithin = "from_within", "\"Inside\", \"outside\" after \"from\": an origin («من داخل الأراضي اليمنية»).";
    And = "and", "\"And\" standing alone before a joined name.";
    In = "in", "\"In\".";
    TimeZone = "time_zone", "\"In the time of\": no place after it (a time zone).";
    Direction = "direction", "Words of direction and area before a place.";
    // Claims given to events.
    ForceNouns = "force_nouns", "Nouns of a body's own forces, before a pronoun.";
    OwnPronoun = "own_pronoun", "Pronoun enclitics after a body's forces.";
    SelfReport = "self_report", "Pronouns that open a source's report of its own deed.";
    Announce = "announce", "The stem of \"announced\": an announcement.";
    AnnounceThat = "announce_that", "\"Announced that\": an announcement of what others did.";
    // Recognisers: sources, descriptive actors, persons, new organisations.
    SourceAdj = "source_adj", "Adjectives that belong to a source phrase (an anonymous security source).";
    UnknownSource = "unknown_source", "Prefix of the word before a source head that makes it no source (of unknown source).";
    SourceLinker = "source_linker", "Words between a source head and the body it speaks for (an official in the Pentagon).";
    SourceLinkerGlued = "source_linker_glued", "A source linker glued to the body's name (an official of the ministry of).";
    SourceOpenLinker = "source_open_linker", "Source linkers after which a description of the body may follow.";
    InNameOf = "in_name_of", "The linker of a spokesman's body (spokesman in the name of).";
    LinkedHead = "linked_head", "Source heads whose body's name may follow with no linker (the army's spokesman).";
    Reporter = "reporter", "The source head of a reporter, followed by the outlet.";
    NamedHead = "named_head", "Source heads after which the speaker's name may follow.";
    BareHead = "bare_head", "Source heads that stand alone for a source named before (the source, the official).";
    HeadSource = "head_source", "Forms of the source head of an anonymous source; the first word is the head's lemma.";
    HeadOfficial = "head_official", "Forms of the source head of an official; the first word is the lemma, as written in a claim.";
    HeadSpokesman = "head_spokesman", "Forms of the source head of a spokesman; the first word is the head's lemma.";
    OneOf = "one_of", "The word before a source head that makes it one of several (one of the officials).";
    SecurityBody = "security_body", "Beginnings of the words of a state's security bodies, before their nationality adjective.";
    Homeland = "homeland", "\"Our country\": the country of the outlet that publishes the article.";
    Kingdom = "kingdom", "\"The Kingdom\" alone: the outlet's country when it is a kingdom.";
    RouteTo = "route_to", "\"To\" before the end of a route told from a place: not where it happened.";
    OfficeBody = "office_body", "Bodies whose seat follows them after a person's title («رئيس هيئة مدينة …»).";
    AnotherEvent = "another_event", "After an event word: another event than the one told before («انفجارا مماثلا»).";
    Visit = "visit", "A visit: a day told right after it is the visit's, not the event's.";
    FacilityHead = "facility_head", "Nouns of buildings whose own name follows them («مسجد», «فندق»).";
    SettlementHead = "settlement_head", "Nouns of settlements whose own name follows them («قرية», «بلدة»).";
    FacilityStop = "facility_stop", "Words that end the name of a building or a settlement.";
    Between = "between", "\"Between\" before the sides of fighting.";
    Countryside = "countryside", "\"Countryside\" before a town: its governorate, less the town.";
    ConstructHead = "construct_head", "Place names that are also plural nouns heading a construct («حماة الوطن»).";
    AirArm = "air_arm", "Beginnings of the words of forces that strike from the air (aircraft, helicopters).";
    OperationNoun = "operation_noun", "Nouns before the name of a military operation («عملية فجر الكرمة»).";
    Defuse = "defuse", "Beginnings of words of defusing or seizing weapons: the weapons after them were not used.";
    OpenFire = "open_fire", "Verbs of opening fire, whose object may come after their subject.";
    FireObject = "fire_object", "What a verb of opening fire fires: fire, bullets.";
    Title = "title", "Titles before a person's name (brigadier, sheikh).";
    Kunya = "kunya", "Words of a kunya that open a person's name like a given name (Abu).";
    ActorAdj = "actor_adj", "Modifiers that belong to a descriptive actor (loyal, backed, armed).";
    Service = "service", "Services between a force head and a nationality (the forces of the Egyptian security).";
    NameStop = "name_stop", "Function words and relative adjectives that end a person's or an organisation's name.";
    NamedAs = "named_as", "Words before a quoted name of a new organisation (a group called “…”).";
    PlaceIntro = "place_intro", "Words after which a common word that is also a place name is a place.";
    BackHead = "back_head", "Head words by which an article refers back to an organisation it named.";
    StandVerb = "stand_verb", "The verb of who stands behind a deed («يقف وراءه»): with `behind`, blame.";
    Behind = "behind", "Behind, after the standing verb («وراء», «خلف»).";
    Condemn = "condemn", "Verbs of condemnation (condemned, denounced): their subject did not do the deed.";
    Office = "office", "Offices told before or after a person's name (director, governor, minister).";
    BackEvent = "back_event", "Nouns by which an article refers back to the event it told (the incident, the toll).";
    Relative = "relative", "Relative pronouns: a verb after one is told of the noun before it, not by the sentence's speaker.";
    AdjSuffix = "adj_suffix", "Plural and dual endings of an adjective, removed to find its singular.";
    // Claims.
    ViaBefore = "via_before", "Words before a medium that carries a claim (through, to the agency, the site).";
    Through = "through", "The preposition of a channel (through), also two words before the medium.";
    Lam = "lam", "The preposition of an addressee standing alone, cut from the name after it.";
    HypoThat = "hypo_that", "The hypothetical word that is also the particle of a report: no forecast.";
    May = "may", "The particle of possibility before a present verb.";
    Now = "now", "Adverbs of the present («حاليا»): an undated event told with one is of the publication day.";
    PresentPrefix = "present_prefix", "Prefixes of a present verb (third person).";
    TheAgency = "the_agency", "The agency referred back to in a sentence: its channel is the last medium named.";
    MediaHead = "media_head", "Prefix of the head of a media source (the media).";
    About = "about", "The preposition of a relayed source (relayed from) and of an object (split from).";
    AndAnother = "and_another", "Words after a source that add another source of the same head.";
    ObjectPronoun = "object_pronoun", "Object pronouns of a claim of responsibility (it adopted it).";
    Adopt = "adopt", "Prefix of the verb of adopting an attack.";
    SourceSuffix = "source_suffix", "Endings removed from the words of a source to compare sources.";
    // Entities.
    Platform = "platform", "Media that are platforms, not outlets: no entity of the story.";
    RegionDirection = "region_direction", "Words that open the name of a part of a country: geography, not an entity.";
    GenericForce = "generic_force", "Opening words of a state's generic armed forces: they stand for the state.";
    // Relations.
    Anaphor = "anaphor", "Words that refer back to the document's topic group (the movement, the faction).";
    AnaphorPrefix = "anaphor_prefix", "Proclitics with the article before an anaphor.";
    Copula = "copula", "Pronouns that make a description a predicate (X is a militia…).";
    CopulaHe = "copula_he", "The masculine copula before a person's role (X is the secretary-general).";
    Comprises = "comprises", "The verb of a list of members (it comprises).";
    ListOpener = "list_opener", "Words that open a list of members at the end of a sentence (and they are).";
    LocalIn = "local_in", "Prepositions of a place after a group its leader leads a branch of (the emir of the group in a town).";
    // Tolls.
    Superlative = "superlative", "Superlatives before a toll word: a comparison with the past, no cumulative toll.";
    TollWord = "toll_word", "The toll word itself, after a superlative.";
    Aggression = "aggression", "A stem of an attack told as an aggression.";
    Others = "others", "The word “others” after a figure: the group just named.";
    Side = "side", "Words before a nationality that make it a party's side (the Israeli side).";
    TollSourceLink = "toll_source_link", "Words that extend a toll's source over the name after them (affiliated to, in).";
}

/// The parsed lists.
#[derive(Debug)]
pub struct Words {
    exact: Vec<HashSet<String>>,
    prefix: Vec<Vec<String>>,
    /// Every word of each list in file order: its match key and how the file writes it.
    ordered: Vec<Vec<(String, String)>>,
}

impl Words {
    /// Parse a words file: `list<TAB>mode<TAB>word` lines, `#` comments.
    pub fn parse(tsv: &str) -> Result<Words, String> {
        let n = W::ALL.len();
        let mut w = Words {
            exact: vec![HashSet::new(); n],
            prefix: vec![Vec::new(); n],
            ordered: vec![Vec::new(); n],
        };
        for (i, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [list, mode, word] = cols[..] else {
                return Err(format!(
                    "words line {}: expected 3 tab-separated columns",
                    i + 1
                ));
            };
            let Some(ix) = W::ALL.iter().position(|x| x.name() == list.trim()) else {
                return Err(format!("words line {}: unknown list {list:?}", i + 1));
            };
            let key = rasd_text::match_key_str(word.trim());
            if key.is_empty() {
                return Err(format!("words line {}: empty word", i + 1));
            }
            match mode.trim() {
                "exact" => {
                    w.exact[ix].insert(key.clone());
                }
                "prefix" => w.prefix[ix].push(key.clone()),
                m => return Err(format!("words line {}: unknown mode {m:?}", i + 1)),
            }
            w.ordered[ix].push((key, word.trim().to_string()));
        }
        if let Some(x) = W::ALL
            .iter()
            .enumerate()
            .find(|(i, _)| w.exact[*i].is_empty() && w.prefix[*i].is_empty())
        {
            return Err(format!("words: list {:?} has no word", x.1.name()));
        }
        Ok(w)
    }
}

/// The built-in lists.
fn table() -> &'static Words {
    static T: OnceLock<Words> = OnceLock::new();
    // The built-in file is checked by the test suite; a broken built-in is a bug.
    T.get_or_init(|| Words::parse(WORDS_TSV).unwrap_or_else(|e| panic!("built-in {e}")))
}

impl W {
    fn ix(self) -> usize {
        self as usize
    }

    /// Is `w` (a match key) a word of the list (for prefix lists: does it start with one)?
    pub fn has(self, w: &str) -> bool {
        let t = table();
        t.exact[self.ix()].contains(w)
            || t.prefix[self.ix()]
                .iter()
                .any(|p| w.starts_with(p.as_str()))
    }

    /// Does `w` start with a word of the list (exact words count as prefixes here)?
    pub fn starts(self, w: &str) -> bool {
        let t = table();
        t.prefix[self.ix()]
            .iter()
            .any(|p| w.starts_with(p.as_str()))
            || t.exact[self.ix()].iter().any(|p| w.starts_with(p.as_str()))
    }

    /// Does `w` start with a word of the list whose rest satisfies `rest_ok`?
    pub fn any_rest(self, w: &str, rest_ok: impl Fn(&str) -> bool) -> bool {
        let t = table();
        t.prefix[self.ix()]
            .iter()
            .chain(t.exact[self.ix()].iter())
            .any(|p| w.strip_prefix(p.as_str()).is_some_and(&rest_ok))
    }

    /// Does `w` end with a word of the list?
    pub fn ends(self, w: &str) -> bool {
        let t = table();
        t.prefix[self.ix()]
            .iter()
            .chain(t.exact[self.ix()].iter())
            .any(|p| w.ends_with(p.as_str()))
    }

    /// Does `w` contain a word of the list?
    pub fn within(self, w: &str) -> bool {
        let t = table();
        t.prefix[self.ix()]
            .iter()
            .chain(t.exact[self.ix()].iter())
            .any(|p| w.contains(p.as_str()))
    }

    /// The words of the list (match keys), in the order of the file.
    pub fn words(self) -> impl Iterator<Item = &'static str> {
        table().ordered[self.ix()].iter().map(|(k, _)| k.as_str())
    }

    /// Does a word of the list satisfy `f`?
    pub fn any(self, f: impl Fn(&str) -> bool) -> bool {
        self.words().any(f)
    }

    /// The list's first word (a match key): the lemma of a list of forms.
    pub fn lemma(self) -> &'static str {
        self.words().next().unwrap_or("")
    }

    /// The list's first word as the file writes it, unfolded (the lemma as written in output).
    pub fn lemma_written(self) -> &'static str {
        table().ordered[self.ix()]
            .first()
            .map_or("", |(_, w)| w.as_str())
    }

    /// `w` without the longest word of the list it ends with whose remaining stem satisfies
    /// `stem_ok`, if any.
    pub fn strip_suffix(self, w: &str, stem_ok: impl Fn(&str) -> bool) -> Option<&str> {
        self.words()
            .filter_map(|s| w.strip_suffix(s).filter(|stem| stem_ok(stem)))
            .min_by_key(|stem| stem.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_parse_and_every_list_has_words() {
        let w = Words::parse(WORDS_TSV).unwrap();
        assert_eq!(w.exact.len(), W::ALL.len());
    }

    #[test]
    fn bad_lines_are_reported() {
        assert!(Words::parse("nope\texact\tx")
            .unwrap_err()
            .contains("unknown list"));
        assert!(Words::parse("since\tsome\tx")
            .unwrap_err()
            .contains("unknown mode"));
        assert!(Words::parse("since").unwrap_err().contains("line 1"));
    }

    #[test]
    fn lists_keep_their_order_and_the_writing_of_their_lemma() {
        assert_eq!(W::HeadSource.words().collect::<Vec<_>>(), ["مصدر", "مصادر"]);
        assert_eq!(W::HeadOfficial.lemma(), "مسوول");
        assert_eq!(W::HeadOfficial.lemma_written(), "مسؤول");
        assert!(W::NameStop.any(|w| w == "منذ"));
    }

    #[test]
    fn the_longest_suffix_that_leaves_a_stem_is_stripped() {
        let three = |s: &str| s.chars().count() >= 3;
        assert_eq!(W::AdjSuffix.strip_suffix("امنيين", three), Some("امن"));
        assert_eq!(W::AdjSuffix.strip_suffix("محليون", three), Some("محل"));
        // «يين» would leave two letters: «ين» is stripped instead.
        assert_eq!(W::AdjSuffix.strip_suffix("سنيين", three), Some("سني"));
        assert_eq!(W::AdjSuffix.strip_suffix("امني", three), None);
    }

    #[test]
    fn lookups_fold_and_follow_the_mode() {
        assert!(W::Since.has("منذ"));
        assert!(W::Destroy.has("دمرت"));
        assert!(!W::Since.has("منذر"));
    }
}
