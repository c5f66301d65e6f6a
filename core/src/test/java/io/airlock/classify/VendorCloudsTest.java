package io.airlock.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VendorCloudsTest {

    @Test
    void shouldMatchTheCloudItselfAndItsSubdomains() {
        assertThat(VendorClouds.match("hik-connect.com")).isEqualTo("hik-connect.com");
        assertThat(VendorClouds.match("apiieu.hik-connect.com")).isEqualTo("hik-connect.com");
        assertThat(VendorClouds.match("vtmtxeu.ezvizlife.com")).isEqualTo("ezvizlife.com");
        assertThat(VendorClouds.match("www.easy4ipcloud.com")).isEqualTo("easy4ipcloud.com");
        assertThat(VendorClouds.match("pub-cfg.secu100.net")).isEqualTo("secu100.net");
    }

    @Test
    void shouldIgnoreCaseAsDns0x20RandomisationMixesIt() {
        assertThat(VendorClouds.match("DeV.HiK-CoNnEcT.CoM")).isEqualTo("hik-connect.com");
    }

    @Test
    void shouldAcceptTheTrailingRootDot() {
        assertThat(VendorClouds.match("dev.ys7.com.")).isEqualTo("ys7.com");
    }

    @Test
    void shouldNotMatchANameThatOnlyEndsWithTheSameLetters() {
        assertThat(VendorClouds.match("evilhik-connect.com")).isNull();
        assertThat(VendorClouds.match("notys7.com")).isNull();
        assertThat(VendorClouds.match("hik-connect.com.attacker.net")).isNull();
        assertThat(VendorClouds.match("ik-connect.com")).isNull();
    }

    @Test
    void shouldNotTreatAnEscapedDotInsideALabelAsABoundary() {
        // the single label "x.hik-connect" under com, as DnsMessage presents it
        assertThat(VendorClouds.match("x\\.hik-connect.com")).isNull();
        assertThat(VendorClouds.match("x\\\\.hik-connect.com")).as("escaped backslash, real dot")
                .isEqualTo("hik-connect.com");
    }

    @Test
    void shouldNotMatchVendorsCorporateSitesOrOtherNames() {
        assertThat(VendorClouds.match("www.hikvision.com")).isNull();
        assertThat(VendorClouds.match("pool.ntp.org")).isNull();
        assertThat(VendorClouds.match("")).isNull();
        assertThat(VendorClouds.match(null)).isNull();
    }

    @Test
    void shouldListOnlyLowerCaseDomainsWithoutDuplicates() {
        String[] domains = VendorClouds.domains();
        assertThat(domains).doesNotHaveDuplicates().contains("hik-connect.com", "ezvizlife.com", "ys7.com",
                "easy4ipcloud.com", "imoulife.com");
        for (String d : domains) {
            assertThat(d).isLowerCase().contains(".");
            assertThat(VendorClouds.match("a." + d)).isEqualTo(d);
        }
    }
}
