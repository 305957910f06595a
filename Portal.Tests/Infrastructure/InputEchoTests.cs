using Portal.Infrastructure;

namespace Portal.Tests.Infrastructure;

public class InputEchoTests
{
    [Theory]
    [InlineData("A/75/778", 60, "A/75/778")]
    [InlineData("a\u0000b\u001bc\r\nd", 60, "abcd")]
    [InlineData("0123456789", 4, "0123…")]
    public void WhatAVisitorTypedIsShownWithoutControlCharactersAndCut(string input, int max, string shown) =>
        Assert.Equal(shown, InputEcho.Shorten(input, max));
}
