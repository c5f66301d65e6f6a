package io.airlock.alert.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throwaway collector key and self-signed certificate, made with the JDK's keytool in a temporary directory: the
 * certificate doubles as the CA file the sink trusts.
 */
public final class TestCertificates {

    private static final String PASSWORD = "collector-keystore";
    /** keytool takes a second or two a run: each key is made once per test JVM. */
    private static final Map<String, TestCertificates> MADE = new HashMap<>();
    private static Path dir;

    private final Path keyStore;
    private final Path caPem;

    private TestCertificates(Path keyStore, Path caPem) {
        this.keyStore = keyStore;
        this.caPem = caPem;
    }

    /**
     * A key pair named {@code name} whose certificate names {@code subjectAltNames}, e.g.
     * "dns:localhost,ip:127.0.0.1"; made on first use, in a directory deleted when the JVM exits.
     */
    public static synchronized TestCertificates get(String name, String subjectAltNames)
            throws IOException, InterruptedException {
        TestCertificates made = MADE.get(name + " " + subjectAltNames);
        if (made == null) {
            if (dir == null) {
                dir = Files.createTempDirectory("airlock-test-keys");
                dir.toFile().deleteOnExit();
            }
            made = generate(dir, name + MADE.size(), subjectAltNames);
            made.keyStore.toFile().deleteOnExit();
            made.caPem.toFile().deleteOnExit();
            MADE.put(name + " " + subjectAltNames, made);
        }
        return made;
    }

    private static TestCertificates generate(Path dir, String name, String subjectAltNames)
            throws IOException, InterruptedException {
        Path p12 = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + "-ca.pem");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "SAN=" + subjectAltNames, "-validity", "2", "-keystore", p12.toString(), "-storetype",
                "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", p12.toString(), "-storepass", PASSWORD, "-file",
                pem.toString());
        return new TestCertificates(p12, pem);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    /** The PEM certificate to trust. */
    public Path caPem() {
        return caPem;
    }

    /** A server TLS context holding the key. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }
}
