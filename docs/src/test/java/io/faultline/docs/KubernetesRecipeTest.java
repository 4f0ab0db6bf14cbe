package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.faultline.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * The cluster recipes of "Sweeping on a cluster" are what the chapter says: the Indexed Job parses
 * into Kubernetes' own model types (fabric8's) and runs shard {@code $(JOB_COMPLETION_INDEX)} of as
 * many shards as it has completions; the GitHub Actions matrix runs every shard once. No cluster is
 * needed: a manifest that parses with unknown fields refused is one the API server reads alike.
 */
class KubernetesRecipeTest {
    private static final Path DEPLOY = Path.of(System.getProperty("faultline.root", "..")).resolve("deploy");
    private static final Pattern SHARD = Pattern.compile("\\$\\(JOB_COMPLETION_INDEX\\)/(\\d+)");
    /** Strict: a misspelt field (e.g. completionsMode) fails here instead of being dropped by the API server. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void theIndexedJobRunsShardIndexOfCompletions() throws IOException {
        Job job = YAML.readValue(DEPLOY.resolve("kubernetes/sweep-job.yaml").toFile(), Job.class);
        assertEquals("batch/v1", job.getApiVersion());
        assertEquals("Job", job.getKind());
        JobSpec spec = job.getSpec();
        assertEquals("Indexed", spec.getCompletionMode(), "each pod must know its shard");
        assertEquals("Never", spec.getTemplate().getSpec().getRestartPolicy());
        Container c = spec.getTemplate().getSpec().getContainers().get(0);
        List<String> args = c.getArgs();

        int shard = args.indexOf("--shard");
        Matcher m = SHARD.matcher(args.get(shard + 1));
        assertTrue(m.matches(), "--shard must be $(JOB_COMPLETION_INDEX)/N: " + args);
        int shards = Integer.parseInt(m.group(1));
        assertEquals(shards, spec.getCompletions(), "one completion per shard, or shards are lost or repeated");
        assertTrue(spec.getParallelism() >= 1 && spec.getParallelism() <= spec.getCompletions(), "parallelism " + spec.getParallelism());

        // $(JOB_COMPLETION_INDEX) is expanded only from a variable of the container's env.
        EnvVar index = c.getEnv().stream().filter(e -> e.getName().equals("JOB_COMPLETION_INDEX")).findFirst().orElseThrow();
        assertEquals("metadata.annotations['batch.kubernetes.io/job-completion-index']", index.getValueFrom().getFieldRef().getFieldPath());

        // Each shard writes its own folder on the mounted volume.
        String out = args.get(args.indexOf("--out") + 1);
        assertTrue(out.contains("$(JOB_COMPLETION_INDEX)"), out);
        String mount = c.getVolumeMounts().get(0).getMountPath();
        assertTrue(out.startsWith(mount + "/"), out + " is not on the volume mounted at " + mount);

        // Threads no more than the CPUs the pod asks for, and the command is one faultline accepts.
        int parallel = Integer.parseInt(args.get(args.indexOf("--parallel") + 1));
        assertTrue(parallel <= Quantity.getAmountInBytes(c.getResources().getRequests().get("cpu")).intValue(), "--parallel " + parallel);
        // With --help the command parses every option (an unknown one is exit 2) and runs nothing.
        List<String> shard0 = new ArrayList<>();
        args.forEach(a -> shard0.add(a.replace("$(JOB_COMPLETION_INDEX)", "0")));
        shard0.add("--help");
        assertEquals(0, Main.execute(shard0.toArray(String[]::new)), "faultline " + shard0);
    }

    @Test
    void theActionsMatrixRunsEveryShardOnceThenMerges() throws IOException {
        JsonNode jobs = YAML.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readTree(DEPLOY.resolve("github-actions/sweep-matrix.yml").toFile()).get("jobs");
        JsonNode matrix = jobs.get("shard").get("strategy").get("matrix").get("shard");
        String run = "";
        for (JsonNode step : jobs.get("shard").get("steps")) {
            run += step.path("run").asText();
        }
        Matcher m = Pattern.compile("--shard \\$\\{\\{ matrix.shard }}/(\\d+) --out (\\S+)").matcher(run);
        assertTrue(m.find(), run);
        int shards = Integer.parseInt(m.group(1));
        assertEquals(shards, matrix.size());
        for (int i = 0; i < shards; i++) {
            assertEquals(i, matrix.get(i).asInt());
        }
        assertEquals("shard", jobs.get("merge").get("needs").asText());
        String merge = jobs.get("merge").get("steps").get(3).get("run").asText();
        assertTrue(merge.startsWith("./faultline sweep --merge "), merge);
    }
}
