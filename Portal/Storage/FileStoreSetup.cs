using System.ComponentModel.DataAnnotations;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Options;

namespace Portal.Storage;

public enum FileStoreKind
{
    /// <summary>Files under <c>{DataPath}/files</c>.</summary>
    Local,

    /// <summary>An S3-compatible bucket (<see cref="S3FileStoreOptions"/>).</summary>
    S3,
}

/// <summary><c>Portal:FileStore</c>: where document files are kept.</summary>
public sealed class FileStoreOptions
{
    public const string SectionName = "Portal:FileStore";

    public FileStoreKind Kind { get; set; } = FileStoreKind.Local;

    public S3FileStoreOptions S3 { get; set; } = new();
}

/// <summary><c>Portal:FileStore:S3</c>. Without an access key, the AWS SDK's usual chain applies (environment, instance role).</summary>
public sealed class S3FileStoreOptions
{
    /// <summary>The endpoint of a non-AWS server (MinIO, Garage, Ceph), e.g. <c>http://minio:9000</c>; unset for AWS itself.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "";

    /// <summary>A folder inside the bucket for this portal's objects, e.g. <c>portal/</c>.</summary>
    [RegularExpression("^$|^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*/$", ErrorMessage = "Portal:FileStore:S3:Prefix must be empty or end with '/', e.g. 'portal/'.")]
    public string Prefix { get; set; } = "";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Bucket in the path (<c>http://host/bucket/key</c>), as most self-hosted servers need.</summary>
    public bool ForcePathStyle { get; set; } = true;
}

public static class FileStoreSetup
{
    /// <summary>Registers the configured <see cref="IDocumentFileStore"/>: the one place that chooses it.</summary>
    public static IServiceCollection AddPortalFileStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FileStoreOptions>()
            .BindConfiguration(FileStoreOptions.SectionName)
            .Validate(o => o.Kind != FileStoreKind.S3 || !string.IsNullOrWhiteSpace(o.S3.Bucket), "Portal:FileStore:Kind is S3: set Portal:FileStore:S3:Bucket.")
            .Validate(o => string.IsNullOrEmpty(o.S3.AccessKey) == string.IsNullOrEmpty(o.S3.SecretKey), "Portal:FileStore:S3: set both AccessKey and SecretKey, or neither.")
            .ValidateOnStart();
        services.AddOptions<S3FileStoreOptions>()
            .BindConfiguration($"{FileStoreOptions.SectionName}:S3")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var kind = configuration.GetValue($"{FileStoreOptions.SectionName}:Kind", FileStoreKind.Local);
        if (kind == FileStoreKind.S3)
        {
            services.AddSingleton<IAmazonS3>(sp => CreateClient(sp.GetRequiredService<IOptions<FileStoreOptions>>().Value.S3));
            services.AddSingleton<IDocumentFileStore>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<FileStoreOptions>>().Value.S3;
                return new S3DocumentFileStore(sp.GetRequiredService<IAmazonS3>(), options.Bucket, options.Prefix);
            });
        }
        else
        {
            services.AddSingleton<IDocumentFileStore, LocalDocumentFileStore>();
        }
        return services;
    }

    public static AmazonS3Client CreateClient(S3FileStoreOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // Checksums only where S3 requires them: self-hosted servers do not all accept the
            // trailing checksums the SDK otherwise adds to every upload.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
