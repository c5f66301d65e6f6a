package io.airlock.config;

/** What cameras and recorders read alike: their name and their username/password pair. */
final class BinderSupport {

    static final int MAX_USERNAME_LENGTH = 128;

    private BinderSupport() {
    }

    /** A user name and its password; both null when the peer has no credentials. */
    record Credentials(String username, Secret password) {
        static final Credentials NONE = new Credentials(null, null);
    }

    /** The {@code name:} of an item, checked against [a-z0-9_-]{1,64}; null (with a problem) when missing or bad. */
    static String name(YamlNode item, String what, Problems problems) {
        if (!(item instanceof YamlNode.Mapping m)) {
            return null;
        }
        for (YamlNode.Entry e : m.entries()) {
            if (e.key().text().equals("name")) {
                if (e.value() instanceof YamlNode.Scalar s && !s.empty() && !s.alias()) {
                    String name = s.text().trim();
                    if (CameraBinder.NAME.matcher(name).matches()) {
                        return name;
                    }
                    problems.error(s, "name '" + Text.safe(name) + "' of " + what
                            + " must be 1-64 characters of a-z 0-9 _ - (it becomes part of URLs)");
                    return null;
                }
                problems.error(e.value(), "'name' of " + what + " must be a single value");
                return null;
            }
        }
        problems.error(item, what + " needs a 'name'");
        return null;
    }

    /** {@code username} and {@code password}: both or neither. */
    static Credentials credentials(Fields f, String what, SecretResolver secrets, Problems problems) {
        String username = f.text("username", false);
        YamlNode passwordNode = f.node("password");
        if (username == null && passwordNode == null) {
            return Credentials.NONE;
        }
        if (username != null && (username.length() > MAX_USERNAME_LENGTH || Text.hasControl(username)
                || username.indexOf(':') >= 0)) {
            problems.error(f.node("username"), "'username' of " + what + " must be at most "
                    + MAX_USERNAME_LENGTH + " characters without ':' or control characters");
            return Credentials.NONE;
        }
        if (username == null) {
            problems.error(passwordNode, what + " has a 'password' but no 'username'");
            return Credentials.NONE;
        }
        if (passwordNode == null) {
            problems.error(f.node("username"), what + " has a 'username' but no 'password'; there are no default"
                    + " passwords");
            return Credentials.NONE;
        }
        Secret password = secrets.resolve(passwordNode, "password", what);
        return password == null ? Credentials.NONE : new Credentials(username, password);
    }
}
