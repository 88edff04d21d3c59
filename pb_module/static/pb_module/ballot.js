// Live count of choices, budget left and points left on the ballot form.
// The form works without this script: the server checks the ballot and shows a summary before casting.
(function () {
  "use strict";
  var form = document.getElementById("ballot");
  if (!form) { return; }
  var data = form.dataset;
  var type = data.type;
  var budget = parseInt(data.budget || "0", 10);
  var maxChoices = parseInt(data.maxChoices || "0", 10);
  var maxPoints = parseInt(data.maxPoints || "0", 10);
  var status = document.getElementById("ballot-status");
  var grouping = new Intl.NumberFormat(data.lang === "en" ? "en-US" : "ru-RU");

  function tenge(amount) {
    return data.lang === "en" ? "KZT " + grouping.format(amount) : grouping.format(amount) + "\u00a0₸";
  }

  function update() {
    var count = 0, cost = 0, points = 0;
    if (type === "cumulative") {
      form.querySelectorAll("input[type=number]").forEach(function (input) {
        var value = parseInt(input.value || "0", 10);
        var chosen = value > 0;
        if (chosen) { count += 1; points += value; cost += parseInt(input.dataset.cost, 10); }
        input.closest(".ballot-card").classList.toggle("chosen", chosen);
      });
    } else {
      form.querySelectorAll("input[name=proposal]").forEach(function (input) {
        if (input.checked) { count += 1; cost += parseInt(input.dataset.cost, 10); }
        input.closest(".ballot-card").classList.toggle("chosen", input.checked);
      });
    }
    var parts = [data.labelChoices + ": " + count + (maxChoices ? " / " + maxChoices : "")];
    if (type === "knapsack" && budget) { parts.push(data.labelBudget + ": " + tenge(budget - cost)); }
    if (type === "cumulative" && maxPoints) { parts.push(data.labelPoints + ": " + (maxPoints - points)); }
    status.textContent = parts.join(" · ");
    var over = (maxChoices && count > maxChoices) || (type === "knapsack" && budget && cost > budget) ||
      (type === "cumulative" && maxPoints && points > maxPoints);
    status.classList.toggle("over", Boolean(over));
  }

  form.addEventListener("change", update);
  form.addEventListener("input", update);
  update();
}());
