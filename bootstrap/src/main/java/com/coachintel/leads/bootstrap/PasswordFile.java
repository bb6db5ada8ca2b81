package com.coachintel.leads.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/** The embedded superuser's password: 32 random bytes, base64url, in a file only this OS user can read (0600). */
final class PasswordFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PasswordFile() {
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY); // tighten one copied in with looser rights
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // Created with its mode: never readable by others, not even for a moment.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return password;
        } catch (FileAlreadyExistsException e) {
            return readOrCreate(file);
        } catch (IOException e) {
            throw new IllegalStateException("could not read or create the embedded PostgreSQL's password file " + file, e);
        }
    }
}
