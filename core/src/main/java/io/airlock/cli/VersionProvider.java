package io.airlock.cli;

import picocli.CommandLine;

/** Version from the jar manifest, plus the Java runtime, for bug reports. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = AirlockCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "airlock " + (v == null ? "(development build)" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
