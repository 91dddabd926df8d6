//! What a company's products are, by its `sector=` in `data/lexicon/hand/companies.txt`: how the
//! conflict-of-interest messages name what a post promotes ("Promoting or endorsing a medicine
//! publicly …").

/// The kind of thing a company or brand is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Product {
    /// `pharma`, `vaccines`; a `consumer-health` brand with a generic name (Nurofen: ibuprofen).
    Medicine,
    /// `devices`, `diagnostics`.
    DeviceOrTest,
    /// `aesthetics`, `skincare`.
    Cosmetic,
    /// `supplements`, `nutrition`.
    Supplement,
    /// `pharmacy`, `health-services`, `health-tech`.
    Service,
    /// `apparel`, a `consumer-health` company or brand without a generic name (Oral-B, Deep
    /// Heat), and anything the lexicon doesn't know (an unknown commercial @handle).
    Other,
}

/// Every `sector=` `companies.txt` may give.
pub const SECTORS: &[&str] = &[
    "pharma",
    "vaccines",
    "consumer-health",
    "pharmacy",
    "devices",
    "diagnostics",
    "aesthetics",
    "skincare",
    "supplements",
    "nutrition",
    "health-services",
    "health-tech",
    "apparel",
];

impl Product {
    /// The kind of a company's products from its `sector`; `generic` is whether the mention is a
    /// brand with a generic name (which makes a consumer-health brand a medicine).
    pub fn of(sector: &str, generic: bool) -> Product {
        match sector {
            "pharma" | "vaccines" => Product::Medicine,
            "consumer-health" if generic => Product::Medicine,
            "devices" | "diagnostics" => Product::DeviceOrTest,
            "aesthetics" | "skincare" => Product::Cosmetic,
            "supplements" | "nutrition" => Product::Supplement,
            "pharmacy" | "health-services" | "health-tech" => Product::Service,
            _ => Product::Other,
        }
    }

    /// How a message names it: "a medicine", "a device or test", ….
    pub fn noun(self) -> &'static str {
        match self {
            Product::Medicine => "a medicine",
            Product::DeviceOrTest => "a device or test",
            Product::Cosmetic => "a cosmetic treatment",
            Product::Supplement => "a supplement",
            Product::Service => "a service or app",
            Product::Other => "a product",
        }
    }
}
