using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Hosting;

/// <summary>
/// The one way every options class is configured: bound from its <c>Catalog:…</c> section, checked by its
/// data annotations (nested option objects included) and checked when the host starts, so a bad value
/// stops the service with a message naming the key (<c>Catalog:Titles:MaxYearsAhead: The field …</c>).
/// </summary>
public static class OptionsRegistration
{
    public static OptionsBuilder<T> AddCatalogOptions<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>Options needed while services are registered (before the container exists), checked by the same rules.</summary>
    public static T GetCatalogOptions<T>(this IConfiguration configuration, string section)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var result = new SectionValidator<T>(section).Validate(Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures) : options;
    }

    /// <summary>A value that failed its checks, or one the binder could not convert (its message names the key).</summary>
    public static bool IsConfigurationError(Exception e) =>
        e is OptionsValidationException
        || (e is InvalidOperationException && e.TargetSite?.DeclaringType?.Namespace == typeof(ConfigurationBinder).Namespace);

    private sealed class SectionValidator<T>(string section) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var failures = new List<string>();
            Collect(options, section, failures);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static void Collect(object options, string path, List<string> failures)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
            failures.AddRange(results.Select(r => $"{path}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
            // Nested option objects (Catalog:Rails, Catalog:Ranking, …) are checked under their own path.
            foreach (var property in options.GetType().GetProperties())
            {
                if (property.PropertyType.IsClass && property.PropertyType.Namespace?.StartsWith("Catalog.", StringComparison.Ordinal) == true
                    && property.GetIndexParameters().Length == 0 && property.GetValue(options) is { } nested)
                    Collect(nested, $"{path}:{property.Name}", failures);
            }
        }
    }
}
