package io.airlock.cli;

import io.airlock.inspect.InspectionResult;

import java.nio.file.Path;
import java.util.List;

/** How {@code airlock inspect} presents its results: for people, or as JSON lines for machines. */
interface Report {

    /** One file has been inspected. */
    void file(InspectionResult result);

    /** One file could not be inspected at all. */
    void unreadable(Path file, String message);

    /** Every file is done. */
    void end(List<InspectionResult> results);
}
