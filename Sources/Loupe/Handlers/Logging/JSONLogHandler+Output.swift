#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

extension JSONLogHandler {
    /// Where a ``JSONLogHandler`` writes its lines.
    ///
    /// Each line is written whole, in one call, so lines from concurrent tasks never interleave.
    ///
    /// ```swift
    /// LoggingSystem.bootstrap { JSONLogHandler(label: $0, output: .standardError) }
    /// ```
    public struct Output: Sendable {
        let write: @Sendable (String) -> Void

        /// An output that hands every line, newline included, to `write`.
        ///
        /// Use it for destinations Loupe does not know, such as a Foundation `FileHandle`:
        /// `.init { try? handle.write(contentsOf: Array($0.utf8)) }`.
        public init(_ write: @escaping @Sendable (_ line: String) -> Void) {
            self.write = write
        }

        /// The process's standard output.
        public static let standardOutput = Output.fileDescriptor(1)

        /// The process's standard error.
        public static let standardError = Output.fileDescriptor(2)

        /// An open file descriptor, which the caller keeps open for as long as the handler is used.
        ///
        /// Lines go straight to `write(2)`: no stdio buffer that a crash would lose, and a line
        /// under `PIPE_BUF` bytes reaches a pipe atomically.
        public static func fileDescriptor(_ descriptor: Int32) -> Output {
            Output { line in
                var line = line
                line.withUTF8 { bytes in
                    var offset = 0
                    while offset < bytes.count {
                        let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                        if written > 0 {
                            offset += written
                        } else if written < 0, errno == EINTR {
                            continue
                        } else {
                            // A closed or full destination must not take the process down with it.
                            return
                        }
                    }
                }
            }
        }

        /// A text stream, behind a lock because `TextOutputStream.write` is mutating and not
        /// safe to call from several tasks at once.
        public static func stream(_ stream: some TextOutputStream & Sendable) -> Output {
            let box = LockedStream(stream)
            return Output { line in box.write(line) }
        }
    }
}

/// `write(2)`, named apart from ``JSONLogHandler/Output``'s own `write` property.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, bytes, count)
    #elseif canImport(Darwin)
    Darwin.write(descriptor, bytes, count)
    #endif
}

/// Owns a text stream and serialises writes to it.
private final class LockedStream<Stream: TextOutputStream & Sendable>: Sendable {
    private let stream: Mutex<Stream>

    init(_ stream: Stream) {
        self.stream = Mutex(stream)
    }

    func write(_ line: String) {
        stream.withLock { $0.write(line) }
    }
}
