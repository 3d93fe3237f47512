using Catalog.Api.Tests.Insights;
using Catalog.Store.Insights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Api.Tests.Browser;

/// <summary>A curator starts a ranking experiment on the Insights view, reads its report and verdict, and stops it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ExperimentPageTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task A_curator_starts_an_experiment_reads_which_arm_wins_and_stops_it()
    {
        var registry = browser.Server.Services.GetRequiredService<ExperimentRegistry>();
        await using var page = await browser.OpenSignedInAsync("/insights", browser.Server.CuratorToken("cora", "Cora"));
        try
        {
            await page.WaitForViewAsync();
            var start = page.Page.GetByRole(AriaRole.Form, new() { Name = "Start an experiment" });
            await start.GetByLabel("Name").FillAsync("Weighted ties");
            await start.GetByLabel("Tie-break").SelectOptionAsync("WEIGHTED_RATING");
            await start.GetByRole(AriaRole.Button, new() { Name = "Start experiment" }).ClickAsync();
            await Expect(page.Page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Weighted ties \\(running since") })).ToBeVisibleAsync();

            var experiment = (await registry.RunningAsync(CancellationToken.None))!;
            await ExperimentApi.SimulateAsync(browser.Server.CreateClient, experiment, sessions: 60, ["matrix"], controlClicks: 0.1, variantClicks: 0.9, seed: 5);
            await browser.Server.Services.GetRequiredService<Catalog.Api.Insights.InsightsBacklog>()
                .WaitUntilProcessedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
            await page.Page.ReloadAsync();
            await page.WaitForViewAsync();

            var report = page.Page.GetByRole(AriaRole.Table, new() { NameRegex = new("^Weighted ties") });
            await Expect(report.GetByRole(AriaRole.Rowheader, new() { Name = "control A" })).ToBeVisibleAsync();
            await Expect(report.GetByRole(AriaRole.Rowheader, new() { Name = "variant B" })).ToBeVisibleAsync();
            await Expect(page.Page.GetByText(new System.Text.RegularExpressions.Regex("^Variant B wins on click-through, p [<=] "))).ToBeVisibleAsync();
            await page.ScreenshotAsync("insights-experiment", fullPage: true);

            await page.Page.GetByRole(AriaRole.Button, new() { Name = "Stop experiment" }).ClickAsync();
            await Expect(page.Page.GetByRole(AriaRole.Form, new() { Name = "Start an experiment" })).ToBeVisibleAsync();
            Assert.Null(await registry.RunningAsync(CancellationToken.None));
            page.AssertClean();
        }
        finally
        {
            // The page's searches carry a session key: a running experiment must not outlive this test.
            if (await registry.RunningAsync(CancellationToken.None) is { } running)
                await registry.StopAsync(running.Id, CancellationToken.None);
        }
    }
}
