package io.faultline.conformance.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.serve.s3.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedFileUpload;
import software.amazon.awssdk.transfer.s3.model.FileUpload;
import software.amazon.awssdk.transfer.s3.model.ResumableFileUpload;
import software.amazon.awssdk.transfer.s3.model.UploadFileRequest;

/**
 * The transfer manager pauses a multipart upload, saves its state to a file, and resumes it from
 * there: the object that results holds the file's bytes (FIDELITY A16.3).
 */
class SdkPauseResumeTest {
    @TempDir
    Path dir;

    @Test
    void aPausedUploadResumesToTheWholeFile() throws Exception {
        byte[] data = new byte[24 * 1024 * 1024];
        new Random(7).nextBytes(data);
        Path file = dir.resolve("video.bin");
        Files.write(file, data);
        try (S3Server server = Served.start(ConsistencyMode.STRONG, 3, dir.resolve("s.jsonl"), dir.resolve("h.edn"));
             S3Client s3 = Served.client(server);
             S3AsyncClient async = Served.asyncClient(server);
             S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
            s3.createBucket(b -> b.bucket("media"));
            FileUpload upload = tm.uploadFile(UploadFileRequest.builder().putObjectRequest(b -> b.bucket("media").key("video.bin"))
                    .source(file).build());
            ResumableFileUpload paused = upload.pause();
            Path state = dir.resolve("upload.state");
            paused.serializeToFile(state);
            CompletedFileUpload done = tm.resumeUploadFile(ResumableFileUpload.fromFile(state)).completionFuture().join();
            assertTrue(done.response().eTag() != null, "the resumed upload completed");
            assertArrayEquals(data, s3.getObjectAsBytes(b -> b.bucket("media").key("video.bin")).asByteArray());
        }
    }
}
