//! Quick CoNLL-2003 scoring without the CLI: `cargo run --release -p dateline-core --example
//! conll_eval -- FILE... [--errors] [--capitals]` (the CLI's `dateline entities eval --conll`
//! and `--capitals` are the same).

use dateline_core::entities::conll::{evaluate, parse_conll};
use dateline_core::entities::EntityExtractor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = args.iter().any(|a| a == "--errors");
    let capitals = args.iter().any(|a| a == "--capitals");
    let ex = EntityExtractor::new();
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let mut docs = parse_conll(&std::fs::read_to_string(path)?)?;
        if capitals {
            docs = docs.iter().map(|d| d.in_capitals()).collect();
        }
        let s = evaluate(&ex, &docs);
        println!("{path}: {} docs", s.documents);
        for (k, c) in &s.per_type {
            println!(
                "  {:<5} P {:.3} R {:.3} F {:.3}",
                k.code(),
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
        for (label, c) in [
            ("micro3", s.micro_per_org_loc),
            ("micro4", s.micro_all),
            ("untyped3", s.untyped_per_org_loc),
            ("untyped4", s.untyped_all),
        ] {
            println!(
                "  {label:<8} P {:.3} R {:.3} F {:.3}",
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
        if errors {
            for d in &docs {
                let found = ex.mentions(Some(&d.title), &d.body);
                let text = |f| match f {
                    dateline_core::entities::MentionField::Title => d.title.as_str(),
                    dateline_core::entities::MentionField::Body => d.body.as_str(),
                };
                for g in &d.gold {
                    match found
                        .iter()
                        .find(|m| m.field == g.field && m.start == g.start && m.end == g.end)
                    {
                        Some(m) if m.kind == g.kind => {}
                        Some(m) => println!(
                            "TYPE {} gold {} got {} | {}",
                            &text(g.field)[g.start..g.end],
                            g.kind.code(),
                            m.kind.code(),
                            ctx(text(g.field), g.start, g.end)
                        ),
                        None => {
                            println!(
                                "MISS {} {} | {}",
                                g.kind.code(),
                                &text(g.field)[g.start..g.end],
                                ctx(text(g.field), g.start, g.end)
                            )
                        }
                    }
                }
                for m in &found {
                    if !d
                        .gold
                        .iter()
                        .any(|g| g.field == m.field && g.start == m.start && g.end == m.end)
                    {
                        println!(
                            "FP {} {} | {}",
                            m.kind.code(),
                            m.text,
                            ctx(text(m.field), m.start, m.end)
                        );
                    }
                }
            }
        }
    }
    Ok(())
}

/// The line around a span, the span in brackets.
fn ctx(text: &str, start: usize, end: usize) -> String {
    let ls = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let le = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let a = text[..start]
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| i >= ls && start - i <= 50)
        .min()
        .unwrap_or(start);
    let b = text[end..le]
        .char_indices()
        .map(|(i, _)| end + i)
        .filter(|&i| i - end <= 50)
        .max()
        .unwrap_or(end);
    format!(
        "{}[{}]{}",
        &text[a..start],
        &text[start..end],
        &text[end..b]
    )
}
