/// A line chart over time, drawn as SVG: y axis from zero with round ticks and units, time ticks,
/// a legend, and one hover column per step whose `data-tip` the page's script shows as a tooltip.
/// Dragging across the plot zooms to that time range (the script reads `data-t0`/`data-t1`).
public struct TimeChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// The range a series was expected in, drawn as a shaded band behind the lines.
    public struct Band: Sendable {
        public var name: String
        public var lower: [Double?]
        public var upper: [Double?]

        public init(name: String, lower: [Double?], upper: [Double?]) {
            self.name = name
            self.lower = lower
            self.upper = upper
        }
    }

    /// Steps worth a second look (an anomaly), drawn as a tinted stripe with its label in the tooltip.
    public struct Mark: Sendable {
        public var steps: ClosedRange<Int>
        public var label: String

        public init(steps: ClosedRange<Int>, label: String) {
            self.steps = steps
            self.label = label
        }
    }

    public var title: String
    public var format: ValueFormat
    /// Each step's start, Unix seconds.
    public var times: [Int64]
    public var stepSeconds: Int64
    public var series: [Series]
    /// Where a click on each step's column leads (the errors of that step, say); nil for none.
    public var columnLinks: [String]?
    /// Drawn for a full-width panel: a wider canvas, so its text stays the size of the others'.
    public var wide: Bool
    /// Unix seconds where the data ends (the range's end, now for a live view): a step that ends
    /// later holds only part of its time, so it is drawn dashed and shaded rather than read as a drop.
    public var dataEnd: Int64?
    public var band: Band?
    public var marks: [Mark]

    public init(
        title: String, format: ValueFormat, times: [Int64], stepSeconds: Int64, series: [Series], wide: Bool = false,
        columnLinks: [String]? = nil, dataEnd: Int64? = nil, band: Band? = nil, marks: [Mark] = []
    ) {
        self.band = band
        self.marks = marks
        self.dataEnd = dataEnd
        self.wide = wide
        self.columnLinks = columnLinks
        self.title = title
        self.format = format
        self.times = times
        self.stepSeconds = stepSeconds
        self.series = series
    }

    static let narrowWidth = 640.0
    static let wideWidth = 1_300.0
    static let height = 200.0
    static let left = 58.0
    static let right = 10.0
    static let top = 10.0
    static let bottom = 24.0
    /// More lines than this read as noise: the rest are summed into "other".
    static let maxSeries = 6

    public func render() -> String {
        let shown = Self.limited(series)
        let width = wide ? Self.wideWidth : Self.narrowWidth
        let plotW = width - Self.left - Self.right
        let plotH = Self.height - Self.top - Self.bottom
        let maxValue = (shown.flatMap { $0.values.compactMap { $0 } } + (band?.upper.compactMap { $0 } ?? [])).max() ?? 0
        let scale = NiceScale(maxValue: maxValue)
        let n = max(1, times.count)
        let colW = plotW / Double(n)
        func x(_ i: Int) -> Double { Self.left + colW * (Double(i) + 0.5) }
        func y(_ v: Double) -> Double { Self.top + plotH * (1 - v / scale.max) }

        var svg = "<svg class=\"timechart\" viewBox=\"0 0 \(Int(width)) \(Int(Self.height))\" role=\"img\""
        svg += " aria-label=\"\(HTML.escape(title))\" data-t0=\"\(times.first ?? 0)\" data-t1=\"\((times.last ?? 0) + stepSeconds)\""
        svg += " data-x0=\"\(Self.left)\" data-x1=\"\(width - Self.right)\" data-w=\"\(width)\">"
        for tick in scale.ticks {
            let ty = Self.fmt(y(tick))
            svg += "<line class=\"grid\" x1=\"\(Self.left)\" x2=\"\(width - Self.right)\" y1=\"\(ty)\" y2=\"\(ty)\"/>"
            svg += "<text class=\"ytick\" x=\"\(Self.left - 6)\" y=\"\(ty)\" dy=\"0.32em\">\(HTML.escape(format.text(tick)))</text>"
        }
        for i in Self.timeTickIndices(count: times.count) {
            svg += "<text class=\"xtick\" x=\"\(Self.fmt(x(i)))\" y=\"\(Self.height - 6)\" data-t=\"\(times[i])\">"
            svg += "\(DisplayFormat.utcTime(times[i]))</text>"
        }
        // Steps from here on are still filling: shaded, and their lines dashed.
        let firstPartial = dataEnd.flatMap { end in times.firstIndex { $0 + stepSeconds > end } } ?? times.count
        if firstPartial < times.count {
            let px = Self.left + colW * Double(firstPartial)
            svg += "<rect class=\"partial\" x=\"\(Self.fmt(px))\" y=\"\(Self.top)\" width=\"\(Self.fmt(width - Self.right - px))\" height=\"\(Self.fmt(plotH))\"/>"
        }
        for mark in marks {
            let lo = max(0, mark.steps.lowerBound), hi = min(times.count - 1, mark.steps.upperBound)
            guard lo <= hi else { continue }
            svg += "<rect class=\"mark\" x=\"\(Self.fmt(Self.left + colW * Double(lo)))\" y=\"\(Self.top)\""
            svg += " width=\"\(Self.fmt(colW * Double(hi - lo + 1)))\" height=\"\(Self.fmt(plotH))\"/>"
        }
        if let band { svg += Self.bandPath(band, x: x, y: { y(min($0, scale.max)) }) }
        for (s, line) in shown.enumerated() {
            var path = ""
            var partial = ""
            var pen = false
            var last: (Int, Double)?
            for (i, value) in line.values.enumerated() {
                guard let value else { pen = false; last = nil; continue }
                if i >= firstPartial {
                    // Joined to the last complete point, so the line does not break.
                    if let (j, v) = last, partial.isEmpty { partial = "M" + Self.fmt(x(j)) + " " + Self.fmt(y(v)) }
                    partial += (partial.isEmpty ? "M" : "L") + Self.fmt(x(i)) + " " + Self.fmt(y(value))
                } else {
                    path += (pen ? "L" : "M") + Self.fmt(x(i)) + " " + Self.fmt(y(value))
                }
                pen = true
                last = (i, value)
            }
            if !path.isEmpty { svg += "<path class=\"line s\(s)\" d=\"\(path)\"/>" }
            if !partial.isEmpty { svg += "<path class=\"line partial s\(s)\" d=\"\(partial)\"/>" }
            if line.values.count(where: { $0 != nil }) == 1, let i = line.values.firstIndex(where: { $0 != nil }), let v = line.values[i] {
                svg += "<circle class=\"dot s\(s)\" cx=\"\(Self.fmt(x(i)))\" cy=\"\(Self.fmt(y(v)))\" r=\"2.5\"/>"
            }
        }
        for i in times.indices {
            var tip = DisplayFormat.utcTime(times[i], withDate: true) + " UTC" + (i >= firstPartial ? " (in progress)" : "")
            for line in shown { tip += "\n\(line.name): \(format.text(line.values[i]))" }
            if let band, i < band.lower.count, let lower = band.lower[i], let upper = band.upper[i] {
                tip += "\n\(band.name): \(format.text(lower)) to \(format.text(upper))"
            }
            for mark in marks where mark.steps.contains(i) { tip += "\n⚠ " + mark.label }
            let link = columnLinks.flatMap { i < $0.count ? $0[i] : nil }
            if let link { svg += "<a href=\"\(HTML.escape(link))\">" }
            svg += "<rect class=\"col\" x=\"\(Self.fmt(Self.left + colW * Double(i)))\" y=\"\(Self.top)\" width=\"\(Self.fmt(colW))\""
            svg += " height=\"\(Self.fmt(plotH))\" data-tip=\"\(HTML.escape(tip + (link == nil ? "" : "\nclick: what failed")))\" data-t=\"\(times[i])\"/>"
            if link != nil { svg += "</a>" }
        }
        svg += "</svg>"
        var legend = "<ul class=\"legend\">"
        for (s, line) in shown.enumerated() {
            legend += "<li><span class=\"swatch s\(s)\"></span>\(HTML.escape(line.name))</li>"
        }
        if let band { legend += "<li><span class=\"swatch band\"></span>\(HTML.escape(band.name))</li>" }
        if !marks.isEmpty { legend += "<li><span class=\"swatch mark\"></span>anomaly</li>" }
        legend += "</ul>"
        return "<figure class=\"chart\"><figcaption>\(HTML.escape(title))</figcaption>\(svg)\(legend)</figure>"
    }

    /// The band as one closed shape per stretch of steps where both edges are known: the upper
    /// edge left to right, then the lower edge back.
    static func bandPath(_ band: Band, x: (Int) -> Double, y: (Double) -> Double) -> String {
        var runs: [[Int]] = [[]]
        for i in band.upper.indices {
            let known = i < band.lower.count && band.upper[i] != nil && band.lower[i] != nil
            if known { runs[runs.count - 1].append(i) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        var d = ""
        for run in runs where !run.isEmpty {
            let top = run.map { fmt(x($0)) + " " + fmt(y(band.upper[$0]!)) }
            let bottom = run.reversed().map { fmt(x($0)) + " " + fmt(y(max(0, band.lower[$0]!))) }
            d += "M" + (top + bottom).joined(separator: "L") + "Z"
        }
        return d.isEmpty ? "" : "<path class=\"band\" d=\"\(d)\"/>"
    }

    /// The largest series first; beyond ``maxSeries`` they are summed as "other".
    static func limited(_ series: [Series]) -> [Series] {
        guard series.count > maxSeries else { return series }
        let ranked = series.sorted { total($0) > total($1) }
        var other = Series(name: "other", values: Array(repeating: nil, count: ranked[0].values.count))
        for line in ranked.dropFirst(maxSeries - 1) {
            for (i, v) in line.values.enumerated() where v != nil { other.values[i] = (other.values[i] ?? 0) + v! }
        }
        return Array(ranked.prefix(maxSeries - 1)) + [other]
    }

    private static func total(_ s: Series) -> Double { s.values.reduce(0) { $0 + ($1 ?? 0) } }

    /// About six evenly spaced labels.
    static func timeTickIndices(count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let every = max(1, Int((Double(count) / 6).rounded(.up)))
        return Array(stride(from: 0, to: count, by: every))
    }

    static func fmt(_ v: Double) -> String {
        let rounded = (v * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
