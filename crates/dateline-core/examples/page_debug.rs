//! Prints how the raw reader reads one file: `cargo run --example page_debug -- FILE`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path)?;
        let a = dateline_core::reader::raw::parse(&bytes, &path)?;
        println!(
            "TITLE: {:?}\nDATE: {:?}\nLANG: {:?}\nBODY:\n{}\n",
            a.title, a.published, a.language, a.body
        );
    }
    Ok(())
}
