using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlertPublications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MatchedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertPublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertPublications_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlertSubscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetValue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SiteUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DigestPeriodStart = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertSubscriptions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlertMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubscriptionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    UnsubscribeUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AbandonedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertMessages_AlertSubscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "AlertSubscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlertMatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubscriptionId = table.Column<long>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertMatches_AlertMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "AlertMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AlertMatches_AlertSubscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "AlertSubscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlertMatches_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlertMatches_DocumentId",
                table: "AlertMatches",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_AlertMatches_MessageId",
                table: "AlertMatches",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_AlertMatches_SubscriptionId_DocumentId",
                table: "AlertMatches",
                columns: new[] { "SubscriptionId", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlertMessages_SentAt_AbandonedAt_NextAttemptAt",
                table: "AlertMessages",
                columns: new[] { "SentAt", "AbandonedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertMessages_SubscriptionId",
                table: "AlertMessages",
                column: "SubscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_AlertPublications_DocumentId",
                table: "AlertPublications",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_AlertPublications_MatchedAt",
                table: "AlertPublications",
                column: "MatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AlertSubscriptions_Email",
                table: "AlertSubscriptions",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_AlertSubscriptions_Target_TargetValue",
                table: "AlertSubscriptions",
                columns: new[] { "Target", "TargetValue" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertSubscriptions_Token",
                table: "AlertSubscriptions",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlertSubscriptions_UserId",
                table: "AlertSubscriptions",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertMatches");

            migrationBuilder.DropTable(
                name: "AlertPublications");

            migrationBuilder.DropTable(
                name: "AlertMessages");

            migrationBuilder.DropTable(
                name: "AlertSubscriptions");
        }
    }
}
