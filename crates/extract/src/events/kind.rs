//! What a trigger word says happened.

/// What a trigger word says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TrigKind {
    /// Generic attack.
    Attack,
    /// Air or drone strike.
    Air,
    /// Shelling, rockets, missiles.
    Missile,
    /// An explosion of unknown cause.
    Explosion,
    /// A bombing (IED, car bomb).
    Explosive,
    /// A suicide attack.
    Suicide,
    /// Armed clashes.
    Clash,
    /// An assassination.
    Assassination,
    /// A shooting.
    Shooting,
    /// A stabbing.
    Stabbing,
    /// Abduction.
    Abduction,
    /// Arrest.
    Arrest,
    /// Protest.
    Protest,
    /// Terrorist designation or sanctions.
    Designation,
    /// Threat.
    Threat,
    /// Agreement, truce.
    Agreement,
    /// An interception (part of the attack it stops).
    Intercept,
    /// A fall or crash of a projectile.
    Crash,
    /// Killing (an event on its own only when nothing else is said).
    Kill,
}

impl TrigKind {
    pub(crate) fn parse(s: &str) -> Option<TrigKind> {
        Some(match s {
            "attack" => TrigKind::Attack,
            "air" => TrigKind::Air,
            "missile" => TrigKind::Missile,
            "explosion" => TrigKind::Explosion,
            "explosive" => TrigKind::Explosive,
            "suicide" => TrigKind::Suicide,
            "clash" => TrigKind::Clash,
            "assassination" => TrigKind::Assassination,
            "shooting" => TrigKind::Shooting,
            "stabbing" => TrigKind::Stabbing,
            "abduction" => TrigKind::Abduction,
            "arrest" => TrigKind::Arrest,
            "protest" => TrigKind::Protest,
            "designation" => TrigKind::Designation,
            "threat" => TrigKind::Threat,
            "agreement" => TrigKind::Agreement,
            "intercept" => TrigKind::Intercept,
            "crash" => TrigKind::Crash,
            "kill" => TrigKind::Kill,
            _ => return None,
        })
    }

    /// The lexicon's name of the kind.
    pub fn name(self) -> &'static str {
        match self {
            TrigKind::Attack => "attack",
            TrigKind::Air => "air",
            TrigKind::Missile => "missile",
            TrigKind::Explosion => "explosion",
            TrigKind::Explosive => "explosive",
            TrigKind::Suicide => "suicide",
            TrigKind::Clash => "clash",
            TrigKind::Assassination => "assassination",
            TrigKind::Shooting => "shooting",
            TrigKind::Stabbing => "stabbing",
            TrigKind::Abduction => "abduction",
            TrigKind::Arrest => "arrest",
            TrigKind::Protest => "protest",
            TrigKind::Designation => "designation",
            TrigKind::Threat => "threat",
            TrigKind::Agreement => "agreement",
            TrigKind::Intercept => "intercept",
            TrigKind::Crash => "crash",
            TrigKind::Kill => "kill",
        }
    }

    /// True for kinds of violence (they merge with each other).
    pub fn violent(self) -> bool {
        !matches!(
            self,
            TrigKind::Abduction
                | TrigKind::Arrest
                | TrigKind::Protest
                | TrigKind::Designation
                | TrigKind::Threat
                | TrigKind::Agreement
        )
    }

    /// Kinds that only add to an attack told elsewhere (an interception, a fall, a death toll).
    pub fn secondary(self) -> bool {
        matches!(
            self,
            TrigKind::Intercept | TrigKind::Crash | TrigKind::Kill | TrigKind::Explosion
        )
    }
}
