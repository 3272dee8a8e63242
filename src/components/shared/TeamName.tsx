import { useTranslations } from "next-intl";
import { teamColour, teamRound } from "@/protocol/teams";

/** A team's name in the screen's language: "Red team", "Red team 2" (from the 13th team on). */
export function useTeamName(): (team: number) => string {
  const t = useTranslations("teams");
  return (team) => {
    const colour = t(`colours.${teamColour(team).key}`);
    const number = teamRound(team);
    return number > 1 ? t("nameNumbered", { colour, number }) : t("name", { colour });
  };
}

/** A team's colour swatch and its name in words (never the colour alone). */
export function TeamName({ team, className = "", swatchClassName = "size-[1em]" }: { team: number; className?: string; swatchClassName?: string }) {
  const name = useTeamName();
  return (
    <span data-testid="team-name" data-team={team} className={`inline-flex min-w-0 items-center gap-[0.4em] ${className}`}>
      <span aria-hidden="true" className={`inline-block shrink-0 rounded-full border-2 border-white ${swatchClassName}`} style={{ backgroundColor: teamColour(team).hex }} />
      <span className="min-w-0 truncate">{name(team)}</span>
    </span>
  );
}
