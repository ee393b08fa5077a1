// Loupe's public API speaks LoupeCore's value types (`AttributeValue`, `TokenUsage`, `SpanKind`,
// `PriceCatalog`, `RedactionConfiguration`…), so importing Loupe is enough to use it.
@_exported import LoupeCore
