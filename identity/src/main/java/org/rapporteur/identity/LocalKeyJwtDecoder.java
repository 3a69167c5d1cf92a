package org.rapporteur.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A JWT decoder for a provider whose RSA key is configured as a file: RS256 signatures only (so an
 * unsigned {@code alg: none} token or an HMAC token signed with the public key is refused), the
 * issuer, the audience, and expiry and not-before all checked. Issuer and audience are required:
 * a token from another application of the same provider must not open this one.
 */
final class LocalKeyJwtDecoder {

  private LocalKeyJwtDecoder() {}

  static JwtDecoder of(IdentityProperties.Jwt settings) {
    if (isBlank(settings.issuer()) || isBlank(settings.audience())) {
      throw new IllegalStateException(
          "rapporteur.identity.jwt.public-key-location needs rapporteur.identity.jwt.issuer and .audience");
    }
    RSAPublicKey key;
    try (InputStream pem = settings.publicKeyLocation().getInputStream()) {
      key = RsaKeyConverters.x509().convert(pem);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + settings.publicKeyLocation(), e);
    }
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).signatureAlgorithm(SignatureAlgorithm.RS256).build();
    decoder.setJwtValidator(
        JwtValidators.createDefaultWithValidators(
            new JwtTimestampValidator(),
            new JwtIssuerValidator(settings.issuer()),
            new JwtAudienceValidator(settings.audience())));
    return decoder;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
