/// Turns the model and provider names spans carry into the names the price catalog is keyed by.
///
/// Spans name the same model many ways: `gpt-4o-2024-08-06`, `openai/gpt-4o`,
/// `models/gemini-1.5-pro`, `us.anthropic.claude-3-5-sonnet-20240620-v1:0`,
/// `claude-3-5-sonnet-v2@20241022`. Rather than pattern-match (regexes, prefix search — which would
/// price `gpt-4o-mini` as `gpt-4o`), the matcher peels known decorations off one at a time and the
/// catalog looks each intermediate name up *exactly*. The first name found wins, so the most
/// specific entry (`gpt-4o-2024-05-13`) beats the general one (`gpt-4o`).
public enum ModelMatcher {
    /// The names to try for `model`, most specific first; each is lowercased.
    ///
    /// In order: the whole name; the name with each leading path segment removed (`openai/`,
    /// `models/`, `accounts/fireworks/models/`); without a `provider:` prefix; without a Bedrock
    /// cross-region prefix (`us.`, `eu.`, …) and vendor prefix (`anthropic.`, `meta.`, …); then
    /// repeatedly without one trailing qualifier: `@version`, `:0`, `-v2`, `-latest`, `-preview`,
    /// `-exp`, or a date/snapshot stamp (`-2024-08-06`, `-20241022`, `-08-2024`, `-04-17`,
    /// `-0613`, `-2411`, `-001`).
    public static func lookupKeys(for model: String) -> [String] {
        var keys: [String] = []
        func add(_ key: Substring) {
            guard !key.isEmpty else { return }
            let key = String(key)
            if !keys.contains(key) { keys.append(key) }
        }
        var name = Substring(indexKey(model))
        add(name)
        while let slash = name.firstIndex(of: "/") {
            name = name[name.index(after: slash)...]
            add(name)
        }
        if let colon = name.firstIndex(of: ":"), colonPrefixes.contains(name[..<colon]) {
            name = name[name.index(after: colon)...]
            add(name)
        }
        if let dot = name.firstIndex(of: "."), bedrockRegions.contains(name[..<dot]),
            name[name.index(after: dot)...].contains(".")
        {
            name = name[name.index(after: dot)...]
            add(name)
        }
        if let dot = name.firstIndex(of: "."), bedrockVendors.contains(name[..<dot]) {
            name = name[name.index(after: dot)...]
            add(name)
        }
        while let shorter = strippingQualifier(from: name) {
            name = shorter
            add(name)
        }
        return keys
    }

    /// The canonical provider for a provider name as spans, SDKs or LiteLLM spell it
    /// (`bedrock` → `aws.bedrock`, `openai.chat` → `openai`, `together_ai` → `together`).
    /// Names it does not know are returned lowercased.
    public static func canonicalProvider(_ provider: String) -> String {
        ProviderName.canonical(String(provider.trimmed))
    }

    /// The key a catalog name is indexed under: trimmed and lowercased, nothing else, so catalog
    /// entries stay exactly as distinct as their authors wrote them.
    static func indexKey(_ name: String) -> String {
        String(name.trimmed).lowercased()
    }

    /// Removes one trailing qualifier, or returns nil when there is none.
    static func strippingQualifier(from name: Substring) -> Substring? {
        if let at = name.lastIndex(of: "@"), at != name.startIndex {
            return name[..<at]
        }
        if let colon = name.lastIndex(of: ":"), colon != name.startIndex,
            isDigits(name[name.index(after: colon)...])
        {
            return name[..<colon]
        }
        guard let dash = name.lastIndex(of: "-"), dash != name.startIndex else { return nil }
        let head = name[..<dash]
        let tail = name[name.index(after: dash)...]
        if qualifierWords.contains(tail) { return head }
        if tail.first == "v", isDigits(tail.dropFirst()) { return head }
        guard isDigits(tail) else { return nil }
        let digits = Array(tail.utf8).map { Int($0 - UInt8(ascii: "0")) }
        let previous = lastComponent(of: head)
        switch digits.count {
        case 8:
            // YYYYMMDD (Anthropic snapshots).
            let year = number(digits[0..<4])
            return (2000...2099).contains(year) && isMonth(number(digits[4..<6])) && isDay(number(digits[6..<8]))
                ? head : nil
        case 4:
            // MM-YYYY (Cohere `command-r-08-2024`) strips both parts.
            if (2020...2099).contains(number(digits[0..<4])), let previous, previous.digits.count == 2,
                isMonth(number(previous.digits[...]))
            {
                return previous.head
            }
            // MMDD (OpenAI `gpt-4-0613`) or YYMM (Mistral `mistral-large-2411`).
            let first = number(digits[0..<2])
            let second = number(digits[2..<4])
            return (isMonth(first) && isDay(second)) || ((23...29).contains(first) && isMonth(second)) ? head : nil
        case 3:
            // Google stable versions (`gemini-2.0-flash-001`).
            return digits[0] == 0 ? head : nil
        case 2:
            guard isDay(number(digits[...])), let previous, previous.digits.count == 2,
                isMonth(number(previous.digits[...]))
            else { return nil }
            // YYYY-MM-DD (OpenAI `gpt-4o-2024-08-06`) strips all three parts; MM-DD (Google previews) two.
            if let year = lastComponent(of: previous.head), year.digits.count == 4,
                (2000...2099).contains(number(year.digits[...]))
            {
                return year.head
            }
            return previous.head
        default:
            return nil
        }
    }

    /// The last `-`-separated component of `name` when it is all digits, with what precedes it.
    private static func lastComponent(of name: Substring) -> (head: Substring, digits: [Int])? {
        guard let dash = name.lastIndex(of: "-"), dash != name.startIndex else { return nil }
        let tail = name[name.index(after: dash)...]
        guard isDigits(tail) else { return nil }
        return (name[..<dash], tail.utf8.map { Int($0 - UInt8(ascii: "0")) })
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static func number(_ digits: ArraySlice<Int>) -> Int {
        digits.reduce(0) { $0 * 10 + $1 }
    }

    private static func isMonth(_ value: Int) -> Bool { (1...12).contains(value) }
    private static func isDay(_ value: Int) -> Bool { (1...31).contains(value) }

    private static let qualifierWords: Set<Substring> = ["latest", "preview", "exp"]

    /// `provider:model` prefixes (pydantic-ai and similar). Only known ones, because Bedrock ids
    /// and fine-tuned OpenAI ids (`ft:gpt-4o-mini:…`) also contain colons.
    private static let colonPrefixes: Set<Substring> = [
        "openai", "anthropic", "azure", "bedrock", "cohere", "deepseek", "gemini", "google-gla", "google-vertex",
        "groq", "mistral", "vertexai", "xai", "together", "fireworks",
    ]

    /// Bedrock cross-region inference profile prefixes (`us.anthropic.claude-…`).
    private static let bedrockRegions: Set<Substring> = ["us", "eu", "apac", "jp", "au", "ca", "us-gov", "global"]

    /// Bedrock model-id vendor prefixes (`anthropic.claude-…`, `meta.llama3-…`).
    private static let bedrockVendors: Set<Substring> = [
        "anthropic", "meta", "amazon", "mistral", "cohere", "ai21", "deepseek", "writer", "openai", "qwen",
    ]
}

extension StringProtocol {
    /// Without surrounding spaces, tabs and newlines (a Foundation-free `trimmingCharacters`).
    var trimmed: SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
