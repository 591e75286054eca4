//! Real data: the Nasdaq-100 market caps of about 2022-01-13 through the quarterly method
//! (with the Alphabet double count of the file detected, then handled), and the sector
//! composition of the Invesco QQQ holdings of 2025-09-24.

use std::path::Path;

use ta_stream::index::{
    nasdaq100, DoubleCountPolicy, SectorComposition, Security, Stage, Universe, WeightingError,
};

/// The fields of one CSV line; double-quoted fields may contain commas.
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            _ => out.last_mut().unwrap().push(c),
        }
    }
    out
}

fn rows(file: &str) -> Vec<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().skip(1).map(fields).collect()
}

/// The company of a share class: the name without its " Class X" suffix.
fn company(name: &str) -> String {
    match name.find(" Class ") {
        Some(i) => name[..i].trim_end_matches([' ', '-']).to_owned(),
        None => name.to_owned(),
    }
}

fn securities(grouped: bool) -> Vec<Security> {
    rows("ndx_market_caps_2022-01.csv")
        .iter()
        .map(|r| {
            assert_eq!(r.len(), 4, "{r:?}");
            let cap: f64 = r[3].parse().unwrap();
            let security = Security::new(&r[0], cap).with_sector(&r[2]);
            if grouped {
                security.with_company(company(&r[1]))
            } else {
                security
            }
        })
        .collect()
}

#[test]
fn the_alphabet_double_count_is_detected() {
    // Grouped into companies by name: GOOG and GOOGL both quote Alphabet's whole cap.
    let err = Universe::new(securities(true)).unwrap_err();
    assert_eq!(
        err,
        WeightingError::DoubleCounted {
            company: "Alphabet Inc".into(),
            tickers: vec!["GOOG".into(), "GOOGL".into()],
            market_cap: 1_890_715_132_253.0,
        }
    );
    // Not grouped at all: the universe is accepted, but the pair is flagged.
    let ungrouped = Universe::new(securities(false)).unwrap();
    assert_eq!(
        ungrouped.suspected_double_counts(),
        [("GOOG".to_string(), "GOOGL".to_string())]
    );
}

/// Expected values from an independent Python computation of the same rules (float64):
/// companies above 4.5% before capping: AAPL 14.708, MSFT 12.162, Alphabet 9.724,
/// AMZN 8.626, TSLA 5.497, FB 4.908 = 55.625% ≥ 48% → f = 0.40/0.556254 = 0.719096;
/// others water-filled to 60% under c = min(4.5%, FB·f = 3.5292%): NVDA (3.577% · AF)
/// is capped at 3.5292%, level with FB, instead of overtaking it.
#[test]
fn quarterly_weights_of_the_2022_universe() {
    let universe =
        Universe::with_policy(securities(true), DoubleCountPolicy::CompanyTotal).unwrap();
    assert_eq!(universe.len(), 101);
    assert_eq!(universe.companies().len(), 100);
    assert_eq!(universe.double_counts().len(), 1);
    let weighting = nasdaq100::quarterly(&universe).unwrap();
    let report = weighting.report();
    assert!(!report.triggered(Stage::SingleName));
    assert!(report.triggered(Stage::Aggregate));
    assert_eq!(report.double_counts()[0].company(), "Alphabet Inc");
    let stage = &report.stages()[0];
    assert!((stage.observed() - 0.5562540681919256).abs() < 1e-12);
    assert_eq!(stage.cohort().len(), 6);
    assert_eq!(stage.capped(), ["Nvidia Corp"]);

    let expected = [
        ("Apple Inc", 0.105763702597416),
        ("Microsoft Corp", 0.0874588584232212),
        ("Alphabet Inc", 0.0699236021303377),
        ("Amazon.Com Inc.", 0.0620294308892769),
        ("Tesla Inc", 0.03953218526501086),
        ("Facebook Inc", 0.035292220694737364),
        ("Nvidia Corp", 0.035292220694737364),
    ];
    for (company, weight) in expected {
        let got = weighting.company_weight(company).unwrap();
        assert!((got - weight).abs() < 1e-12, "{company}: {got} vs {weight}");
    }
    // GOOG and GOOGL split Alphabet's weight equally.
    assert_eq!(weighting.weight("GOOG"), weighting.weight("GOOGL"));

    // Every constraint holds.
    assert!((weighting.total() - 1.0).abs() < 1e-12);
    let companies: Vec<f64> = weighting.companies().iter().map(|c| c.weight()).collect();
    assert!(companies.iter().all(|&w| w <= 0.24));
    let large: f64 = companies.iter().filter(|&&w| w > 0.045).sum();
    assert!(large < 0.48);
    assert!(large <= 0.40);
    // The six companies of the cohort weigh 40% together (TSLA and FB fell below 4.5%).
    let cohort: f64 = stage
        .cohort()
        .iter()
        .map(|c| weighting.company_weight(c).unwrap())
        .sum();
    assert!((cohort - 0.40).abs() < 1e-12);
    // Rank order of companies is kept.
    for a in weighting.companies() {
        for b in weighting.companies() {
            if a.initial() > b.initial() {
                assert!(
                    a.weight() >= b.weight() - 1e-15,
                    "{} / {}",
                    a.company(),
                    b.company()
                );
            }
        }
    }
}

#[test]
fn qqq_sector_composition() {
    let holdings = rows("qqq_holdings_2025-09-24.csv");
    assert_eq!(holdings.len(), 101);
    let composition = SectorComposition::new(holdings.iter().map(|r| {
        assert_eq!(r.len(), 6, "{r:?}");
        (r[2].clone(), r[3].parse::<f64>().unwrap())
    }))
    .unwrap();
    // Weights are in percent and add up to ~100 (99.995 after rounding in the file).
    assert!(
        (composition.total() - 100.0).abs() < 0.05,
        "{}",
        composition.total()
    );
    let (largest, weight) = composition.largest().unwrap();
    assert_eq!(largest, "Information Technology");
    assert!(weight > 50.0 && weight < 60.0, "{weight}");
    assert_eq!(composition.len(), 11);
    // The ranking below the top, as in the file.
    let order: Vec<&str> = composition.iter().map(|(s, _)| s).take(3).collect();
    assert_eq!(
        order,
        [
            "Information Technology",
            "Communication Services",
            "Consumer Discretionary"
        ]
    );
}
