//! The type of an event, from its triggers and weapons.
use rasd_model::{EventType, Weapon};

use super::{Draft, Mention, TrigKind};

impl Draft {
    /// Votes for strikes from the air and from the ground: each mention votes once for each
    /// means its weapons or its trigger name («غارة», «طائرة مسيرة»; «صواريخ», «قصف مدفعي»);
    /// the first mention, which tells the event, votes twice.
    fn means_votes(&self) -> (usize, usize) {
        let (mut air, mut ground) = (0, 0);
        let body: Vec<&Mention> = self.mentions.iter().filter(|m| !m.headline).collect();
        let told: Vec<&Mention> = if body.is_empty() {
            self.mentions.iter().collect()
        } else {
            body
        };
        for (i, m) in told.into_iter().enumerate() {
            // A weapon named says more than a trigger word («غارة», «قصف صاروخي»).
            let weight = if i == 0 { 2 } else { 1 };
            let a_weapon = m
                .weapons
                .iter()
                .any(|w| matches!(w, Weapon::Drone | Weapon::Aircraft));
            // «قصف من طائرات النظام بعدة صواريخ موجهة»: missiles fired by aircraft are the
            // aircraft's.
            let g_weapon = m.weapons.iter().any(|w| match w {
                Weapon::Rocket | Weapon::CruiseMissile => !a_weapon,
                Weapon::BallisticMissile | Weapon::Mortar | Weapon::Artillery => true,
                _ => false,
            });
            let a = if a_weapon {
                2
            } else {
                usize::from(m.kind == TrigKind::Air)
            };
            let g = if g_weapon {
                2
            } else {
                usize::from(m.kind == TrigKind::Missile && !m.weak)
            };
            air += weight * a;
            ground += weight * g;
        }
        (air, ground)
    }

    /// The event type from triggers and weapons.
    pub fn kind(&self, cx: &crate::ctx::Ctx) -> EventType {
        // The triggers and weapons decide when they name the means or the kind of event
        // («غارة», «طائرة مسيرة», «اعتقال»); the type model decides what they leave open
        // («هجوم», «تفجير», «قتل»).
        let (r, strong) = self.rule_kind_why(cx);
        match self.learned_kind() {
            Some(t) if !strong => t,
            _ => r,
        }
    }

    /// The type the detector's type model gives the event: the most probable type over its
    /// mentions, each weighted by its detect score (the body's mentions, or the headline's when
    /// the body tells none).
    pub fn learned_kind(&self) -> Option<EventType> {
        let body: Vec<&Mention> = self.mentions.iter().filter(|m| !m.headline).collect();
        let told: Vec<&Mention> = if body.is_empty() {
            self.mentions.iter().collect()
        } else {
            body
        };
        let mut sum = [0.0f32; crate::detect::NT];
        for m in told {
            for (s, p) in sum.iter_mut().zip(m.types.iter()) {
                *s += m.score * p;
            }
        }
        let (best, v) = sum.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1))?;
        (*v > 0.0).then(|| crate::detect::TYPES[best])
    }

    /// «قصفت قوات النظام الحولة»: is a bombardment of the event told of a ground force named
    /// as its subject (no air arm in its name, between it and the word, or just before the
    /// word: «قصف عنيف لطيران التحالف», «قيام الطيران العراقي بقصف التنظيم»)?
    fn by_ground_force(&self, cx: &crate::ctx::Ctx) -> bool {
        let air = |w: &str| crate::words::W::AirArm.starts(w.trim_start_matches(['ل', 'ب']));
        self.mentions.iter().any(|m| {
            let t = cx.tok_at(m.trig.start);
            m.kind == TrigKind::Missile
                && !m.headline
                && !m.support
                && !(t.saturating_sub(4)..t).any(|j| air(cx.tok(j)))
                && m.actor.as_ref().is_some_and(|a| {
                    let (t0, t1) = (cx.tok_from(m.trig.end), cx.tok_at(a.key.start));
                    a.key.start >= m.trig.end
                        && t1 <= t0 + 1
                        && !a.strikes_from_air()
                        && !(t0..t1).any(|j| air(cx.tok(j)))
                        && !cx.key(a.key).split(' ').any(air)
                })
        })
    }

    /// The type from the triggers and weapons alone.
    pub fn rule_kind(&self, cx: &crate::ctx::Ctx) -> EventType {
        self.rule_kind_why(cx).0
    }

    /// The type from the triggers and weapons alone, and whether it rests on explicit evidence
    /// (a weapon, a word that names the means or the kind of event) rather than on a fallback.
    pub fn rule_kind_why(&self, cx: &crate::ctx::Ctx) -> (EventType, bool) {
        let kinds: Vec<TrigKind> = self.mentions.iter().map(|m| m.kind).collect();
        let weapons: Vec<Weapon> = self
            .mentions
            .iter()
            .flat_map(|m| m.weapons.iter().copied())
            .collect();
        let has = |k: TrigKind| kinds.contains(&k);
        let w = |x: Weapon| weapons.contains(&x);
        for (k, t) in [
            (TrigKind::Designation, EventType::Designation),
            (TrigKind::Threat, EventType::Threat),
            (TrigKind::Agreement, EventType::Agreement),
            (TrigKind::Arrest, EventType::Arrest),
            (TrigKind::Abduction, EventType::Abduction),
            (TrigKind::Protest, EventType::Protest),
        ] {
            if has(k) {
                return (t, true);
            }
        }
        if has(TrigKind::Suicide)
            || (w(Weapon::ExplosiveBelt) && !w(Weapon::Drone) && !w(Weapon::Aircraft))
        {
            return (EventType::SuicideBomb, true);
        }
        // Battles: the fighting defines the event, whatever guns it used.
        if has(TrigKind::Clash)
            && self
                .mentions
                .first()
                .is_some_and(|m| m.kind == TrigKind::Clash)
        {
            return (EventType::ArmedClash, false);
        }
        // «القوات مدعومة بضربات جوية استعادت مواقع»: strikes that the body's first word tells
        // as the support of a ground force's fighting are that fighting.
        if self.mentions.iter().find(|m| !m.headline).is_some_and(|m| {
            matches!(m.kind, TrigKind::Air | TrigKind::Missile) && backs_ground_force(cx, m)
        }) {
            return (EventType::ArmedClash, true);
        }
        // From the air or from launchers and guns: the means most of its mentions tell.
        let (air, ground) = self.means_votes();
        if air > 0 || ground > 0 {
            let t = if air >= ground {
                EventType::AirDroneStrike
            } else {
                EventType::MissileArtillery
            };
            return (t, true);
        }
        // An attack or a bombardment by an air force or an air coalition, with no other means
        // told: «استهدف التحالف مخازن أسلحة», «قصفت قوات التحالف مقر اللواء».
        if self.mentions.iter().any(|m| {
            matches!(m.kind, TrigKind::Attack | TrigKind::Missile)
                && m.actor.as_ref().is_some_and(|a| a.strikes_from_air())
        }) && !has(TrigKind::Explosive)
        {
            return (EventType::AirDroneStrike, true);
        }
        if self.mentions.iter().any(|m| m.kind == TrigKind::Missile) {
            // Bare «قصف»: by an air force, an air strike; otherwise shelling.
            let by_air_force = self
                .actor()
                .and_then(|a| a.country.as_deref())
                .is_some_and(|c| AIR_POWERS.contains(&c));
            if by_air_force {
                return (EventType::AirDroneStrike, false);
            }
            return (EventType::MissileArtillery, self.by_ground_force(cx));
        }
        if [Weapon::Ied, Weapon::CarBomb, Weapon::Landmine]
            .iter()
            .any(|x| w(*x))
        {
            return (EventType::RemoteExplosive, true);
        }
        if has(TrigKind::Explosive) {
            return (EventType::RemoteExplosive, false);
        }
        if has(TrigKind::Clash) {
            return (EventType::ArmedClash, false);
        }
        if self.primary().is_empty() && has(TrigKind::Intercept) {
            // Air defences intercept what flies: drones, missiles, aircraft.
            return (EventType::AirDroneStrike, true);
        }
        (EventType::Attack, false)
    }
}

/// «مدعومة بضربات جوية», «بدعم من غارات التحالف»: is a strike word told as the support of a
/// ground force (a word of backing at most three words before it)?
fn backs_ground_force(cx: &crate::ctx::Ctx, m: &Mention) -> bool {
    let t = cx.tok_at(m.trig.start);
    (t.saturating_sub(3)..t).any(|j| crate::words::W::Backing.has(cx.tok(j)))
}

/// States whose «قصف» is bombing from the air when nothing else is said.
pub(super) const AIR_POWERS: &[&str] = &["US", "GB", "IL", "RU", "FR", "SA", "AE"];
