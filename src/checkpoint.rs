//! The stable saved form of a typed indicator: [`Checkpoint`], and the format number
//! [`STATE_FORMAT`] it carries.

/// The saved-state format this version of the crate writes and reads: the `format` of a
/// [`Checkpoint`] and the `version` of the catalog's saved
/// [`DynIndicator`](crate::catalog::DynIndicator) (the same number,
/// [`STATE_VERSION`](crate::catalog::STATE_VERSION)).
///
/// It changes only with a CHANGELOG entry; a checkpoint of another format is then refused
/// with [`Error::InvalidState`](crate::Error::InvalidState), never misread.
pub const STATE_FORMAT: u32 = 1;

#[cfg(feature = "serde")]
pub use saved::Checkpoint;

#[cfg(feature = "serde")]
mod saved {
    use core::fmt;
    use core::marker::PhantomData;

    use serde::de::{self, DeserializeOwned, MapAccess, SeqAccess, Visitor};
    use serde::ser::SerializeStruct;

    use super::STATE_FORMAT;
    use crate::Error;

    /// The version of the crate that writes a checkpoint (its `crate` field).
    const CRATE_VERSION: &str = env!("CARGO_PKG_VERSION");

    /// The fields of a checkpoint, in the order they are written.
    const FIELDS: &[&str] = &["format", "crate", "indicator", "state"];

    /// A typed indicator's state, saved with its format number and its label: the form to
    /// store when a saved indicator must load in later versions of the crate.
    ///
    /// # The saved form
    ///
    /// Four fields, written in this order (JSON shown):
    ///
    /// ```text
    /// {"format": 1, "crate": "0.1.0", "indicator": "RSI(14)", "state": {...}}
    /// ```
    ///
    /// | Field | Meaning | Checked on load |
    /// |---|---|---|
    /// | `format` | [`STATE_FORMAT`] of the writer | must equal this crate's [`STATE_FORMAT`] |
    /// | `crate` | the writer's crate version | no (informational) |
    /// | `indicator` | the indicator's [`Display`](fmt::Display) label: its type and parameters (`RSI(14)`, `MACD(12,26,9)`) | must equal the loaded state's label |
    /// | `state` | the indicator's own serde form, validated by the indicator | by the indicator's validation |
    ///
    /// Every field is required and any other field is refused (by name), so a checkpoint is
    /// never read as something it is not. Loading refuses, each with an
    /// [`Error::InvalidState`] message:
    /// - another `format`: "checkpoint format 2 is not readable by ta-stream 0.1.0, which
    ///   reads format 1";
    /// - a state of other parameters than the label's: "checkpoint is of RSI(14) but its
    ///   state is of RSI(10)";
    /// - a bare indicator state (saved without `Checkpoint`): "not a checkpoint: ...".
    ///
    /// With a format that keeps field order (JSON text, any binary serde format), `format`
    /// is checked before the state is read. A store that reorders keys (PostgreSQL `jsonb`
    /// sorts them) still loads; a checkpoint of another format is then refused all the
    /// same, by whichever check fails first.
    ///
    /// The number type is not recorded: load a checkpoint into the type it was saved from
    /// (`Rsi<f32>` from an `Rsi<f32>`).
    ///
    /// # Stability
    ///
    /// A checkpoint of format N loads, unchanged, in every later version of the crate that
    /// reads format N, and resumes exactly where it stopped. A change of format (of any
    /// indicator's state, or of a label) is a CHANGELOG entry; checkpoints of the old format
    /// are then refused with the error above, never misread.
    ///
    /// The bare serde form of an indicator (`serde_json::to_string(&rsi)`) carries no such
    /// promise: it is the indicator's internal state, exact to this format, and a later
    /// version refuses it (an unknown or missing field) rather than misreading it when it
    /// changes. Store `Checkpoint`s, or the catalog's saved
    /// [`DynIndicator`](crate::catalog::DynIndicator), which carries the same format number.
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::momentum::Rsi;
    /// use ta_stream::{Checkpoint, Indicator};
    ///
    /// let closes = [44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08];
    /// let mut rsi = Rsi::<f64>::new(5)?;
    /// for &close in &closes[..7] {
    ///     rsi.update(close);
    /// }
    ///
    /// // Save (borrowing the indicator)...
    /// let saved = serde_json::to_string(&Checkpoint::new(&rsi))?;
    /// assert!(saved.starts_with(r#"{"format":1,"crate":""#));
    /// assert!(saved.contains(r#""indicator":"RSI(5)","state":{"#));
    ///
    /// // ...load, and carry on exactly where it stopped.
    /// let mut resumed: Rsi = serde_json::from_str::<Checkpoint<Rsi>>(&saved)?.into_indicator();
    /// for &close in &closes[7..] {
    ///     assert_eq!(resumed.update(close), rsi.update(close));
    /// }
    ///
    /// // Another format, or a state that is not the label's, is refused.
    /// let newer = saved.replace(r#""format":1"#, r#""format":2"#);
    /// let error = serde_json::from_str::<Checkpoint<Rsi>>(&newer).unwrap_err();
    /// assert!(error.to_string().contains("checkpoint format 2 is not readable by ta-stream"));
    /// let relabelled = saved.replace("RSI(5)", "RSI(14)");
    /// let error = serde_json::from_str::<Checkpoint<Rsi>>(&relabelled).unwrap_err();
    /// assert!(error.to_string().contains("checkpoint is of RSI(14) but its state is of RSI(5)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Debug, Clone, PartialEq)]
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    pub struct Checkpoint<I> {
        crate_version: String,
        indicator: String,
        state: I,
    }

    impl<I: fmt::Display> Checkpoint<I> {
        /// A checkpoint of `indicator` (an indicator, or a reference to one: saving needs
        /// only a borrow), labelled with its [`Display`](fmt::Display) form and this crate's
        /// version.
        pub fn new(indicator: I) -> Self {
            Self {
                crate_version: CRATE_VERSION.to_owned(),
                indicator: indicator.to_string(),
                state: indicator,
            }
        }
    }

    impl<I> Checkpoint<I> {
        /// The saved-state format: always [`STATE_FORMAT`] (a checkpoint of another format
        /// does not load).
        pub fn format(&self) -> u32 {
            STATE_FORMAT
        }

        /// The version of the crate that wrote the checkpoint (informational).
        pub fn crate_version(&self) -> &str {
            &self.crate_version
        }

        /// The indicator's label: its type and parameters, such as `RSI(14)`.
        pub fn label(&self) -> &str {
            &self.indicator
        }

        /// The indicator.
        pub fn indicator(&self) -> &I {
            &self.state
        }

        /// The indicator, ready to resume.
        pub fn into_indicator(self) -> I {
            self.state
        }
    }

    impl<I: DeserializeOwned + fmt::Display> Checkpoint<I> {
        /// Loads a checkpoint from `deserializer` and returns its indicator: the same as
        /// deserializing a `Checkpoint<I>` and calling [`into_indicator`](Self::into_indicator).
        ///
        /// ```
        /// use ta_stream::average::Sma;
        /// use ta_stream::{Checkpoint, Indicator};
        ///
        /// let mut sma = Sma::<f64>::new(2)?;
        /// sma.update(1.0);
        /// sma.update(2.0);
        /// let saved = serde_json::to_string(&Checkpoint::new(&sma))?;
        ///
        /// let mut sma: Sma = Checkpoint::load(&mut serde_json::Deserializer::from_str(&saved))?;
        /// assert_eq!(sma.value(), Some(1.5));
        /// assert_eq!(sma.update(4.0), Some(3.0));
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        ///
        /// # Errors
        /// The deserializer's error, with an [`Error::InvalidState`] message for another
        /// format or a state that is not the label's, serde's for an unknown or missing
        /// field, and the indicator's own validation for an inconsistent state.
        pub fn load<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<I, D::Error> {
            <Self as serde::Deserialize<'de>>::deserialize(deserializer).map(Self::into_indicator)
        }
    }

    impl<I: serde::Serialize> serde::Serialize for Checkpoint<I> {
        /// `{"format": 1, "crate": "0.1.0", "indicator": "RSI(14)", "state": {...}}`.
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut saved = serializer.serialize_struct("Checkpoint", FIELDS.len())?;
            saved.serialize_field("format", &STATE_FORMAT)?;
            saved.serialize_field("crate", &self.crate_version)?;
            saved.serialize_field("indicator", &self.indicator)?;
            saved.serialize_field("state", &self.state)?;
            saved.end()
        }
    }

    fn check_format<E: de::Error>(format: u32) -> Result<(), E> {
        if format == STATE_FORMAT {
            Ok(())
        } else {
            Err(E::custom(Error::InvalidState(format!(
                "checkpoint format {format} is not readable by ta-stream {CRATE_VERSION}, \
                 which reads format {STATE_FORMAT}"
            ))))
        }
    }

    /// The loaded state's label must be the recorded one.
    fn check_label<I: fmt::Display, E: de::Error>(
        indicator: String,
        state: I,
        crate_version: String,
    ) -> Result<Checkpoint<I>, E> {
        let actual = state.to_string();
        if actual == indicator {
            Ok(Checkpoint {
                crate_version,
                indicator,
                state,
            })
        } else {
            Err(E::custom(Error::InvalidState(format!(
                "checkpoint is of {indicator} but its state is of {actual}"
            ))))
        }
    }

    struct CheckpointVisitor<I>(PhantomData<I>);

    impl<'de, I: DeserializeOwned + fmt::Display> Visitor<'de> for CheckpointVisitor<I> {
        type Value = Checkpoint<I>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a ta-stream checkpoint: format, crate, indicator, state")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Checkpoint<I>, A::Error> {
            let format: u32 = seq
                .next_element()?
                .ok_or_else(|| de::Error::invalid_length(0, &self))?;
            check_format(format)?;
            let crate_version: String = seq
                .next_element()?
                .ok_or_else(|| de::Error::invalid_length(1, &self))?;
            let indicator: String = seq
                .next_element()?
                .ok_or_else(|| de::Error::invalid_length(2, &self))?;
            let state: I = seq
                .next_element()?
                .ok_or_else(|| de::Error::invalid_length(3, &self))?;
            check_label(indicator, state, crate_version)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checkpoint<I>, A::Error> {
            let mut format: Option<u32> = None;
            let mut crate_version: Option<String> = None;
            let mut indicator: Option<String> = None;
            let mut state: Option<I> = None;
            let mut first = true;
            while let Some(key) = map.next_key::<String>()? {
                let duplicate = match key.as_str() {
                    "format" => format.is_some(),
                    "crate" => crate_version.is_some(),
                    "indicator" => indicator.is_some(),
                    "state" => state.is_some(),
                    other if first => {
                        return Err(de::Error::custom(Error::InvalidState(format!(
                            "not a checkpoint: its first field is `{other}`, where a \
                             checkpoint has `format`, `crate`, `indicator` and `state` (a \
                             bare indicator state, saved without `Checkpoint`, carries no \
                             format and is not read as one)"
                        ))))
                    }
                    other => return Err(de::Error::unknown_field(other, FIELDS)),
                };
                if duplicate {
                    return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                }
                first = false;
                match key.as_str() {
                    "format" => {
                        let value = map.next_value()?;
                        check_format(value)?;
                        format = Some(value);
                    }
                    "crate" => crate_version = Some(map.next_value()?),
                    "indicator" => indicator = Some(map.next_value()?),
                    _ => state = Some(map.next_value()?),
                }
            }
            let format = format.ok_or_else(|| de::Error::missing_field("format"))?;
            check_format(format)?;
            let crate_version = crate_version.ok_or_else(|| de::Error::missing_field("crate"))?;
            let indicator = indicator.ok_or_else(|| de::Error::missing_field("indicator"))?;
            let state = state.ok_or_else(|| de::Error::missing_field("state"))?;
            check_label(indicator, state, crate_version)
        }
    }

    impl<'de, I: DeserializeOwned + fmt::Display> serde::Deserialize<'de> for Checkpoint<I> {
        /// Reads the four fields, refusing another [`STATE_FORMAT`] (checked as soon as it is
        /// read), an unknown, missing or duplicate field, and a state whose label is not the
        /// recorded one; the state itself is validated by the indicator.
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_struct("Checkpoint", FIELDS, CheckpointVisitor(PhantomData))
        }
    }
}
