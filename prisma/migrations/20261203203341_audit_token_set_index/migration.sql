-- CreateIndex
CREATE INDEX "AuditEvent_tokenSetId_createdAt_idx" ON "AuditEvent"("tokenSetId", "createdAt");

