using Amazon.S3;
using Amazon.S3.Model;
using Portal.Storage;

namespace Portal.Tests.Support;

/// <summary>
/// The S3-protocol server (s3rver) that scripts/test.sh starts, reached through <c>PORTAL_TEST_S3</c>,
/// with the bucket <see cref="Bucket"/>. Each test store gets a folder of its own in it. Without the
/// variable, S3 tests are skipped on a developer's machine and fail under CI=true.
/// </summary>
public static class S3TestServer
{
    public const string Variable = "PORTAL_TEST_S3";
    public const string Bucket = "portal-tests";

    public static string ServiceUrl
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
            const string message = $"S3 tests need {Variable} (the URL of an S3-protocol server with the bucket {Bucket}): run scripts/test.sh, or `source scripts/test-services.sh` before dotnet test.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(message + " CI must run them.");
            }
            Assert.Skip(message);
            return "";
        }
    }

    /// <summary>The options a portal (or a test) uses for a folder of its own on the test server.</summary>
    public static S3FileStoreOptions Options(string prefix) => new()
    {
        ServiceUrl = ServiceUrl,
        Bucket = Bucket,
        Prefix = prefix,
        AccessKey = "S3RVER",
        SecretKey = "S3RVER",
    };

    public static string NewPrefix() => $"tests/{Guid.NewGuid():N}/";

    /// <summary>The settings that put a portal's files in a new folder on the test server.</summary>
    public static IEnumerable<KeyValuePair<string, string>> PortalSettings(string prefix)
    {
        var options = Options(prefix);
        return
        [
            new("Portal:FileStore:Kind", "S3"),
            new("Portal:FileStore:S3:ServiceUrl", options.ServiceUrl!),
            new("Portal:FileStore:S3:Bucket", options.Bucket),
            new("Portal:FileStore:S3:Prefix", options.Prefix),
            new("Portal:FileStore:S3:AccessKey", options.AccessKey!),
            new("Portal:FileStore:S3:SecretKey", options.SecretKey!),
        ];
    }

    /// <summary>Removes every object under the prefix.</summary>
    public static async Task DeleteFolderAsync(IAmazonS3 s3, string prefix)
    {
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request);
            foreach (var item in response.S3Objects ?? [])
            {
                await s3.DeleteObjectAsync(Bucket, item.Key);
            }
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }
}
