-- Signing secrets are stored sealed (AES-256-GCM, see SecretCipher): a version prefix, nonce,
-- ciphertext and tag in base64 is about twice as long as the plain whsec_ value. Rows written
-- before are sealed by WebhookEndpoints at start-up.
alter table webhooks.endpoints alter column secret type varchar(200);
alter table webhooks.endpoints alter column previous_secret type varchar(200);
