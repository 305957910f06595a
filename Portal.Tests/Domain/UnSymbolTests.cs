using Portal.Domain;

namespace Portal.Tests.Domain;

public class UnSymbolTests
{
    [Theory]
    [InlineData("A/75/778", "A/75/778")]
    [InlineData("a/75/778", "A/75/778")]
    [InlineData("  A / 75 / 778 ", "A/75/778")]
    [InlineData("s/2021/177", "S/2021/177")]
    [InlineData("A/HRC/46/1", "A/HRC/46/1")]
    [InlineData("a/res/75/1", "A/RES/75/1")]
    [InlineData("a/c.3/75/l.12", "A/C.3/75/L.12")]
    [InlineData("A/75/778/ADD.1", "A/75/778/Add.1")]
    [InlineData("a/75/778/corr. 1", "A/75/778/Corr.1")]
    [InlineData("A\\75\\778", "A/75/778")]
    public void ParseGivesTheCanonicalSpelling(string input, string expected)
    {
        Assert.True(UnSymbol.TryParse(input, out var symbol));
        Assert.Equal(expected, symbol.Value);
        Assert.Equal(expected.ToUpperInvariant(), symbol.Key);
    }

    [Theory]
    [InlineData("A/75/778–S/2021/177")]
    [InlineData("A/75/778-S/2021/177")]
    [InlineData("A/75/778—S/2021/177")]
    [InlineData("A/75/778 S/2021/177")]
    [InlineData("a/75/778 – s/2021/177")]
    public void JointSymbolsSplitOnAnyDashOrSpace(string input)
    {
        var symbols = UnSymbol.ParseJoint(input);

        Assert.Equal(["A/75/778", "S/2021/177"], symbols.Select(s => s.Value));
        Assert.False(UnSymbol.TryParse(input, out _));
    }

    [Theory]
    [InlineData("A/75/778/Add.1", SymbolSuffixKind.Addendum, 1, "A/75/778")]
    [InlineData("A/75/778/Corr.2", SymbolSuffixKind.Corrigendum, 2, "A/75/778")]
    [InlineData("A/C.3/75/L.12/Rev.1", SymbolSuffixKind.Revision, 1, "A/C.3/75/L.12")]
    [InlineData("S/2021/177/Amend.3", SymbolSuffixKind.Amendment, 3, "S/2021/177")]
    [InlineData("A/75/778/Add.1/Corr.1", SymbolSuffixKind.Corrigendum, 1, "A/75/778/Add.1")]
    public void SuffixesAreUnderstood(string input, SymbolSuffixKind kind, int number, string parent)
    {
        var symbol = UnSymbol.Parse(input);

        Assert.Equal(kind, symbol.SuffixKind);
        Assert.Equal(number, symbol.SuffixNumber);
        Assert.Equal(parent, symbol.ParentValue);
    }

    [Fact]
    public void PlainSymbolHasNoSuffix()
    {
        var symbol = UnSymbol.Parse("A/75/778");

        Assert.Equal(SymbolSuffixKind.None, symbol.SuffixKind);
        Assert.Null(symbol.ParentValue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("A")]
    [InlineData("A//")]
    [InlineData("/75/778")]
    [InlineData("75/778")]
    [InlineData("A/75/778/../../etc")]
    [InlineData("A/75/<script>")]
    [InlineData("A/75/778\0")]
    [InlineData("地雷")]
    public void NonSymbolsAreRejected(string? input)
    {
        Assert.False(UnSymbol.TryParse(input, out _));
    }

    [Fact]
    public void VeryLongInputIsRejectedWithoutError()
    {
        var input = string.Concat(Enumerable.Repeat("A/", 5000));

        Assert.Empty(UnSymbol.ParseJoint(input));
        Assert.False(UnSymbol.TryParse("A/" + new string('7', 500), out _));
    }

    [Fact]
    public void JoinUsesAnEnDash()
    {
        Assert.Equal("A/75/778\u2013S/2021/177", UnSymbol.Join(["A/75/778", "S/2021/177"]));
    }
}
