-- AlterTable
ALTER TABLE "Snippet" ADD COLUMN "snapshotKey" TEXT;
ALTER TABLE "Snippet" ADD COLUMN "deletedAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "Snippet_snapshotKey_key" ON "Snippet"("snapshotKey");
