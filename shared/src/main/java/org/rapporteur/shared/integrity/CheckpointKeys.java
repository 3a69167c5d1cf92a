package org.rapporteur.shared.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 keys of signed checkpoints, as PEM: a PKCS#8 private key ({@code PRIVATE KEY}), an
 * X.509 public key ({@code PUBLIC KEY}), as {@code openssl genpkey -algorithm ed25519} and
 * {@code openssl pkey -pubout} write them. Only the JDK's own EdDSA is used.
 */
public final class CheckpointKeys {

  static final String ALGORITHM = "Ed25519";

  private CheckpointKeys() {}

  /** A new key pair. */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime since 15 has Ed25519", e);
    }
  }

  /**
   * The key id of a public key, which an auditor compares with the one published apart from the
   * product: the lower-case hex SHA-256 of its X.509 (DER) encoding, as
   * {@code openssl pkey -pubin -outform DER | sha256sum} prints it.
   */
  public static String fingerprint(PublicKey key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  public static String toPem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  public static String toPem(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  /** The key pair of the PKCS#8 Ed25519 private key in {@code pem}; its public key is derived from it. */
  public static KeyPair privateKeyFromPem(String pem) {
    try {
      PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
      if (!(key instanceof EdECPrivateKey edKey) || edKey.getBytes().isEmpty()) {
        throw new IllegalArgumentException("not an Ed25519 private key");
      }
      // The JDK derives an Ed25519 public key only while generating a pair: generate the pair
      // whose private key is these bytes, which is the RFC 8032 derivation.
      byte[] seed = edKey.getBytes().get();
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
      KeyPair pair = generator.generateKeyPair();
      if (!Arrays.equals(((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
        throw new IllegalStateException("the public key could not be derived from the private key");
      }
      return new KeyPair(pair.getPublic(), key);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key: " + e.getMessage(), e);
    }
  }

  public static PublicKey publicKeyFromPem(String pem) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an X.509 Ed25519 public key: " + e.getMessage(), e);
    }
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + label + "-----\n";
  }

  private static byte[] der(String pem, String label) {
    Matcher block = Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]+)-----END " + label + "-----")
        .matcher(pem);
    if (!block.find()) {
      throw new IllegalArgumentException("no PEM block " + label);
    }
    return Base64.getMimeDecoder().decode(block.group(1));
  }

  /** Gives the generator exactly the private key's bytes. */
  private static final class FixedBytes extends SecureRandom {
    private final byte[] bytes;

    FixedBytes(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] into) {
      System.arraycopy(bytes, 0, into, 0, Math.min(bytes.length, into.length));
    }
  }
}
