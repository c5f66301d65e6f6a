package io.airlock.alert.syslog;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The TLS client context for a syslog collector: trust from a PEM file of CA certificates, or the JDK's defaults. */
public final class TlsTrust {

    /** A CA bundle is a few certificates; a larger file is refused unread. */
    public static final int MAX_PEM_BYTES = 1024 * 1024;

    private TlsTrust() {
    }

    /**
     * The X.509 certificates in a PEM file.
     *
     * @throws IOException with a one-line reason when the file cannot be read or holds no certificate
     */
    public static List<X509Certificate> certificates(Path pem) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(pem)) {
            bytes = in.readNBytes(MAX_PEM_BYTES + 1);
        }
        if (bytes.length > MAX_PEM_BYTES) {
            throw new IOException("is larger than " + MAX_PEM_BYTES + " bytes");
        }
        Collection<? extends Certificate> certs;
        try {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException | RuntimeException e) {
            // A parser fed arbitrary bytes may answer either way.
            throw new IOException("holds no readable PEM certificate");
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            if (c instanceof X509Certificate x) {
                out.add(x);
            }
        }
        if (out.isEmpty()) {
            throw new IOException("holds no PEM certificate");
        }
        return out;
    }

    /** A TLS context trusting the certificates of {@code caFile}, or the JDK's default trust store when null. */
    public static SSLContext context(Path caFile) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (caFile == null) {
                context.init(null, null, null);
                return context;
            }
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            List<X509Certificate> certs = certificates(caFile);
            for (int i = 0; i < certs.size(); i++) {
                anchors.setCertificateEntry("ca-" + i, certs.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(anchors);
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS setup failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
